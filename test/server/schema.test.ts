import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Db } from '../../src/server/db/pool';
import { latestServerVersion, migrateServer } from '../../src/server/db/migrate';
import { serverOnlyColumns } from '../../src/server/db/syncedTables';
import { tableSpecs, type ColumnType } from '../../src/shared/sync/tables';
import { freshDatabase, type TestDatabase } from '../helpers/postgres';

const pgType: Record<ColumnType, string> = {
  text: 'text',
  integer: 'bigint',
  real: 'double precision',
};

describe('the team server schema', () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await freshDatabase();
    db = createPool(database.url);
  });
  afterAll(async () => {
    await db.end();
    await database.drop();
  });

  it('migrates an empty database, and a second run changes nothing', async () => {
    expect(await migrateServer(db)).toEqual({ from: 0, to: latestServerVersion() });
    expect(await migrateServer(db)).toEqual({
      from: latestServerVersion(),
      to: latestServerVersion(),
    });
  });

  it('refuses a database from a newer server', async () => {
    await db.query("INSERT INTO schema_migrations (version, name) VALUES (99990, 'future')");
    await expect(migrateServer(db)).rejects.toThrow(/newer than this server knows/);
    await db.query('DELETE FROM schema_migrations WHERE version = 99990');
  });

  it.each(tableSpecs.map((s) => [s.table, s] as const))(
    '%s has exactly the synced columns, of their types, plus its server-only ones',
    async (table, spec) => {
      const { rows } = await db.query<{
        column_name: string;
        data_type: string;
        is_nullable: string;
      }>(
        `SELECT column_name, data_type, is_nullable FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
        [table],
      );
      const extra = serverOnlyColumns[table] ?? [];
      expect(rows.map((r) => r.column_name).filter((c) => !extra.includes(c))).toEqual(
        spec.columns.map((c) => c.name),
      );
      for (const c of spec.columns) {
        const found = rows.find((r) => r.column_name === c.name)!;
        expect([c.name, found.data_type]).toEqual([c.name, pgType[c.type]]);
        // The server may be stricter than the app, never looser.
        if (!c.nullable) expect([c.name, found.is_nullable]).toEqual([c.name, 'NO']);
      }
    },
  );
});
