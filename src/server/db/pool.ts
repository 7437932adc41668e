import pg from 'pg';

export type Db = pg.Pool;
export type Tx = pg.PoolClient;

/*
 * BIGINT columns hold times in ms and sequence numbers, all far below 2^53: read them as
 * numbers, as the app's SQLite does (pg returns strings by default, for safety with larger ones).
 */
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export function createPool(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // A pooled connection that PostgreSQL closes (a restart) emits 'error' on the pool; without a
  // listener that would end the process. The next query gets a fresh connection.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs `fn` in a transaction; any throw rolls it back. */
export async function inTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const tx = await db.connect();
  try {
    await tx.query('BEGIN');
    const result = await fn(tx);
    await tx.query('COMMIT');
    return result;
  } catch (err) {
    await tx.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    tx.release();
  }
}

// Every transaction that writes synced rows takes this lock first, so rows get their sequence
// numbers in commit order: a pull that has read up to N never misses a later commit below N.
const WRITE_LOCK = 0x4c50_5752; // "LPWR"

/** A transaction that writes synced rows: one at a time across every server process. */
export async function inWriteTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTx(db, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    return fn(tx);
  });
}
