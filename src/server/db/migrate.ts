import { inTx, type Db } from './pool';
import { serverMigrations, type ServerMigration } from './migrations';

// Two server processes started together must not both run a migration.
const MIGRATION_LOCK = 0x4c50_4d47; // "LPMG"

export class SchemaTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `The database's schema (version ${found}) is newer than this server knows (${known}). Run a newer LeadPhone server.`,
    );
  }
}

export function latestServerVersion(list: readonly ServerMigration[] = serverMigrations): number {
  return list.at(-1)?.version ?? 0;
}

/**
 * Brings the database to the newest schema, each pending migration and its record in one
 * transaction. Answers whether the database was empty before (the first start of a team).
 */
export async function migrateServer(
  db: Db,
  list: readonly ServerMigration[] = serverMigrations,
): Promise<{ from: number; to: number }> {
  return inTx(db, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await tx.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM schema_migrations',
    );
    const from = rows[0]?.v ?? 0;
    const to = latestServerVersion(list);
    if (from > to) throw new SchemaTooNewError(from, to);
    for (const m of list) {
      if (m.version <= from) continue;
      await tx.query(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
    }
    return { from, to };
  });
}
