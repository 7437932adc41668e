import {
  columnNames,
  tableSpecs as sharedSpecs,
  type Rank,
  type Row,
  type SyncTable,
} from '../../../../shared/sync/tables';
import type { Db } from '../../db/open';

/*
 * The rows of the synced tables, read and written by the table specs of
 * src/shared/sync/tables.ts (the one list of synced tables, their columns and merge ranks).
 *
 * Every merge decision is "keep the greater of the two" under a total order on row contents, so
 * a merge is commutative, associative and idempotent: bundles in any order, or twice, end in
 * the same database.
 * - `lww` (leads, orders, agents): the newest `updated_at`; a tie goes to the greater canonical
 *   serialisation (JSON of the columns in a fixed order).
 * - `progress` (calls): a call record only fills in as the call goes on (answered, ended,
 *   quality), so the version with more known columns is the later one.
 * - `content` (the append-only ones): a row never changes once written, so two versions only
 *   differ if something is wrong; the greater serialisation still makes the outcome deterministic.
 */

export type { Rank, Row };

/** A synced table as the SQL here needs it: the shared spec, its columns by name. */
export interface TableSpec {
  table: SyncTable;
  key: string;
  /** The columns a bundle carries, in canonical order (the key first). */
  columns: readonly string[];
  rank: Rank;
  /** The column holding the record's time (null: none). */
  time: string | null;
  /** The column holding the agent who made the row. */
  agent: string | null;
  /** The column pointing at a lead (resolved through merged duplicates on import). */
  lead: string | null;
}

/** In the order they are merged: a row's references come before it. */
export const tableSpecs: readonly TableSpec[] = sharedSpecs.map((spec) => ({
  ...spec,
  columns: columnNames(spec),
}));

export const specOf = (table: SyncTable): TableSpec => tableSpecs.find((s) => s.table === table)!;

export function tableInfo(
  db: Db,
  table: string,
): { name: string; type: string; notnull: number; pk: number }[] {
  return db.prepare(`PRAGMA table_info(${table})`).all() as {
    name: string;
    type: string;
    notnull: number;
    pk: number;
  }[];
}

export function getRow(db: Db, spec: TableSpec, key: string): Row | undefined {
  return db
    .prepare(`SELECT ${spec.columns.join(', ')} FROM ${spec.table} WHERE ${spec.key} = ?`)
    .get(key) as Row | undefined;
}

/** Inserts a row unless one with its key exists (any other constraint still fails). */
export function insertRow(db: Db, spec: TableSpec, row: Row): boolean {
  return (
    db
      .prepare(
        `INSERT INTO ${spec.table} (${spec.columns.join(', ')})
         VALUES (${spec.columns.map((c) => `@${c}`).join(', ')})
         ON CONFLICT (${spec.key}) DO NOTHING`,
      )
      .run(row).changes > 0
  );
}

export function updateRow(db: Db, spec: TableSpec, row: Row): void {
  const sets = spec.columns.filter((c) => c !== spec.key).map((c) => `${c} = @${c}`);
  db.prepare(`UPDATE ${spec.table} SET ${sets.join(', ')} WHERE ${spec.key} = @${spec.key}`).run(
    row,
  );
}

export function productExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM products WHERE id = ?').get(id) !== undefined;
}

export function isBuiltinStatus(db: Db, code: string): boolean {
  return db.prepare('SELECT builtin FROM statuses WHERE code = ?').pluck().get(code) === 1;
}

/** A big merge touches pages all over the indexes: a larger cache while it runs, then back. */
export function withCache<T>(db: Db, kib: number, fn: () => T): T {
  const before = db.pragma('cache_size', { simple: true }) as number;
  if (before > -kib) db.pragma(`cache_size = -${kib}`);
  try {
    return fn();
  } finally {
    db.pragma(`cache_size = ${before}`);
  }
}
