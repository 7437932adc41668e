import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/core/db/open';
import { tableSpecs, unsyncedColumns, type ColumnType } from '../../../src/shared/sync/tables';
import { tempDir } from '../../helpers/tempDir';

const sqliteType: Record<ColumnType, string> = { text: 'TEXT', integer: 'INTEGER', real: 'REAL' };

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
}

// A migration that adds a column to a synced table fails here until the column is synced (its
// spec in src/shared/sync/tables.ts) or excluded on purpose (`unsyncedColumns`): otherwise it
// would silently stay out of bundles and out of the team server's sync.
describe('the sync table specs against the migrated SQLite schema', () => {
  const dir = tempDir();
  const db = openDatabase(join(dir.path, 'leadphone.db'));
  afterAll(() => {
    db.close();
    dir.remove();
  });

  it.each(tableSpecs.map((s) => [s.table, s] as const))(
    '%s has exactly the synced columns plus the excluded ones, of their types and nullability',
    (table, spec) => {
      const info = db.prepare(`PRAGMA table_info(${table})`).all() as ColumnInfo[];
      const excluded = unsyncedColumns[table] ?? [];
      expect(info.map((c) => c.name).sort()).toEqual(
        [...spec.columns.map((c) => c.name), ...excluded].sort(),
      );
      for (const c of spec.columns) {
        const found = info.find((i) => i.name === c.name)!;
        expect([c.name, found.type]).toEqual([c.name, sqliteType[c.type]]);
        expect([c.name, found.notnull === 1 ? 'NOT NULL' : 'NULL']).toEqual([
          c.name,
          c.nullable ? 'NULL' : 'NOT NULL',
        ]);
      }
    },
  );

  it('excludes only columns the schema has, of synced tables', () => {
    for (const [table, columns] of Object.entries(unsyncedColumns)) {
      const names = (db.prepare(`PRAGMA table_info(${table})`).all() as ColumnInfo[]).map(
        (c) => c.name,
      );
      expect(tableSpecs.some((s) => s.table === table)).toBe(true);
      for (const c of columns ?? []) expect(names).toContain(c);
    }
  });
});
