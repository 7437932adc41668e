import { columnNames, type Row, type TableSpec } from '../../../../shared/sync/tables';
import type { Db } from '../../db/open';

/*
 * Synced rows as the team sync reads and writes them on this install. Table and column names
 * come from shared/sync/tables.ts, never from the server.
 */

export function getRow(db: Db, spec: TableSpec, key: string): Row | undefined {
  return db
    .prepare(`SELECT ${columnNames(spec).join(', ')} FROM ${spec.table} WHERE ${spec.key} = ?`)
    .get(key) as Row | undefined;
}

/** The rows of a table after a key, in key order. */
export function rowsAfterKey(db: Db, spec: TableSpec, after: string | null, limit: number): Row[] {
  return db
    .prepare(
      `SELECT ${columnNames(spec).join(', ')} FROM ${spec.table}
       ${after === null ? '' : `WHERE ${spec.key} > @after`} ORDER BY ${spec.key} LIMIT @limit`,
    )
    .all(after === null ? { limit } : { after, limit }) as Row[];
}

/** Writes the team's version of a row over this install's (or adds it). */
export function upsertRow(db: Db, spec: TableSpec, row: Row): void {
  const cols = columnNames(spec);
  const sets = cols.filter((c) => c !== spec.key).map((c) => `${c} = excluded.${c}`);
  db.prepare(
    `INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (${spec.key}) DO UPDATE SET ${sets.join(', ')}`,
  ).run(row);
}

export function leadExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM leads WHERE id = ?').get(id) !== undefined;
}

export function orderExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM orders WHERE id = ?').get(id) !== undefined;
}

export function statusExists(db: Db, code: string): boolean {
  return db.prepare('SELECT 1 FROM statuses WHERE code = ?').get(code) !== undefined;
}

/** Another lead on this install with this number (made here before the team's arrived). */
export function otherLeadWithPhone(db: Db, phone: string, id: string): string | undefined {
  return db
    .prepare('SELECT id FROM leads WHERE phone_e164 = ? AND id <> ?')
    .pluck()
    .get(phone, id) as string | undefined;
}

/** The server's agent becomes this install's own (its id may differ from the local one). */
export function adoptSelfAgent(
  db: Db,
  a: { id: string; name: string; code: string },
  now: number,
): void {
  db.prepare(
    `INSERT INTO agents (id, name, code, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, code = excluded.code, updated_at = excluded.updated_at`,
  ).run(a.id, a.name, a.code, now, now);
  db.prepare(
    'INSERT INTO agent_self (one, agent_id) VALUES (1, ?) ON CONFLICT (one) DO UPDATE SET agent_id = excluded.agent_id',
  ).run(a.id);
}
