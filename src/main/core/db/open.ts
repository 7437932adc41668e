import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { migrations as allMigrations, type Migration } from './migrations';
import { writeTx } from './writeTx';

export type Db = Database.Database;

export function latestVersion(list: readonly Migration[] = allMigrations): number {
  return list.length === 0 ? 0 : list[list.length - 1]!.version;
}

/** Runs the pending migrations in one transaction; refuses a database from a newer app. */
export function migrate(db: Db, list: readonly Migration[] = allMigrations): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(list);
  if (current > latest) {
    throw new AppError(
      'db_too_new',
      `This database was written by a newer LeadPhone (schema ${current}; this app knows up to ${latest}). ` +
        'Update LeadPhone to open it; nothing was changed.',
      { data: { found: current, supported: latest } },
    );
  }
  const pending = list.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  writeTx(db, () => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${latest}`);
  });
  return latest;
}

const STATEMENT_CACHE_LIMIT = 2000;

/**
 * Makes `db.prepare` return a cached statement for SQL it has seen: compiling a statement costs
 * more than running most of ours, and the hot paths (a disposition save, the minute re-sync)
 * prepare several. Modes a caller set (pluck, raw, expand) are reset so a cached statement
 * behaves like a fresh one; a statement still being iterated is never handed out twice.
 */
function cachePreparedStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  const cached = (sql: string): Database.Statement => {
    const hit = cache.get(sql);
    if (hit && !hit.busy) {
      if (hit.reader) hit.pluck(false).raw(false).expand(false);
      return hit;
    }
    const fresh = prepare(sql);
    if (!hit && cache.size < STATEMENT_CACHE_LIMIT) cache.set(sql, fresh);
    return fresh;
  };
  Object.defineProperty(db, 'prepare', { value: cached, configurable: true });
}

export interface OpenOptions {
  /**
   * One connection alone, holding its lock until it closes: SQLite then keeps the WAL index in
   * this connection's memory instead of the `-shm` file beside the database, which a full disk
   * has no room for (opening fails with SQLITE_IOERR_SHMSIZE, "disk I/O error"). No other
   * connection (the checkpointer, an import) can open the file meanwhile; `shareDatabase` ends
   * it once there is room again.
   */
  exclusive?: boolean;
}

export function openDatabase(
  path: string,
  list: readonly Migration[] = allMigrations,
  { exclusive = false }: OpenOptions = {},
): Db {
  const db = new Database(path);
  cachePreparedStatements(db);
  try {
    // Before the first access, or SQLite has already built its index in the -shm file.
    if (exclusive) db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Other connections (the import worker's) write too: this is how long a write waits for
    // them. It holds only for transactions that begin IMMEDIATE, hence writeTx.
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db, list);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * Ends the `exclusive` opening: folds the WAL into the file (the in-memory index cannot be
 * shared), lets go of the lock, and goes back to WAL with its index in `-shm`, so other
 * connections can open the file again. Needs room on the disk: call it once a probe found some.
 */
export function shareDatabase(db: Db): void {
  db.pragma('journal_mode = DELETE');
  db.pragma('locking_mode = NORMAL');
  // The lock is released at the end of the next read, not by the pragma itself.
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  db.pragma('journal_mode = WAL');
}
