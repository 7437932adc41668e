import type { LeadSelection } from '../../../../shared/api/sync';
import { leadHistoryTables } from '../../../../shared/sync/tables';
import type { Db } from '../../db/open';
import { tableSpecs, type Row, type TableSpec } from './syncRows';

const historySpecs = tableSpecs.filter((s) => leadHistoryTables.includes(s.table));

/*
 * Which rows a bundle carries. A temp table holds the picked keys, so 100,000 ids never become
 * one SQL list.
 */

function resetPick(db: Db): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS sync_pick (
    tbl TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (tbl, id)) WITHOUT ROWID`);
  db.exec('DELETE FROM temp.sync_pick');
}

/** Everything this install holds (custom statuses only: built-ins exist everywhere). */
export function pickAll(db: Db): void {
  resetPick(db);
  for (const s of tableSpecs) {
    if (s.table === 'statuses' || s.table === 'agents') continue;
    db.exec(`INSERT INTO temp.sync_pick (tbl, id) SELECT '${s.table}', ${s.key} FROM ${s.table}`);
  }
  closePick(db);
}

/** The rows changed since a watermark (a `change_log` sequence number). */
export function pickChangedSince(db: Db, seq: number): void {
  resetPick(db);
  db.prepare(
    'INSERT OR IGNORE INTO temp.sync_pick (tbl, id) SELECT tbl, row_id FROM change_log WHERE seq > ?',
  ).run(seq);
  // A changed row may since have been deleted (a merged duplicate lead): nothing to send.
  for (const s of tableSpecs) {
    db.exec(`DELETE FROM temp.sync_pick WHERE tbl = '${s.table}'
      AND NOT EXISTS (SELECT 1 FROM ${s.table} x WHERE x.${s.key} = temp.sync_pick.id)`);
  }
  closePick(db);
}

/** Leads chosen by a supervisor, with their whole history. */
export function pickLeads(db: Db, filter: LeadSelection): number {
  resetPick(db);
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (filter.stage !== null) {
    where.push('stage = @stage');
    params.stage = filter.stage;
  }
  if (filter.source !== null) {
    where.push('source = @source');
    params.source = filter.source;
  }
  if (filter.customerStatus !== null) {
    where.push(filter.customerStatus === '' ? 'customer_status IS NULL' : 'customer_status = @cs');
    if (filter.customerStatus !== '') params.cs = filter.customerStatus;
  }
  const n = db
    .prepare(
      `INSERT INTO temp.sync_pick (tbl, id) SELECT 'leads', id FROM leads
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
    )
    .run(params).changes;
  for (const s of historySpecs) {
    db.exec(`INSERT OR IGNORE INTO temp.sync_pick (tbl, id)
      SELECT '${s.table}', x.${s.key} FROM ${s.table} x
      JOIN temp.sync_pick p ON p.tbl = 'leads' AND p.id = x.${s.lead}`);
  }
  closePick(db);
  return n;
}

const pickOf = (t: string) => `(SELECT id FROM temp.sync_pick WHERE tbl = '${t}')`;

/** Adds what the picked rows refer to, so every bundle can be merged on its own. */
function closePick(db: Db): void {
  const add = (t: string, select: string) =>
    db.exec(`INSERT OR IGNORE INTO temp.sync_pick (tbl, id) SELECT '${t}', v FROM (${select})
      WHERE v IS NOT NULL`);
  // An order travels with all its items, and items with their order.
  add('orders', `SELECT order_id AS v FROM order_items WHERE id IN ${pickOf('order_items')}`);
  add('order_items', `SELECT id AS v FROM order_items WHERE order_id IN ${pickOf('orders')}`);
  add('dispositions', `SELECT disposition_id AS v FROM orders WHERE id IN ${pickOf('orders')}`);
  add('calls', `SELECT call_id AS v FROM dispositions WHERE id IN ${pickOf('dispositions')}`);
  for (const s of historySpecs) {
    add('leads', `SELECT ${s.lead} AS v FROM ${s.table} WHERE ${s.key} IN ${pickOf(s.table)}`);
  }
  // Custom statuses in use (built-ins are in every database).
  const used = [
    `SELECT status_code AS v FROM dispositions WHERE id IN ${pickOf('dispositions')}`,
    `SELECT customer_status AS v FROM leads WHERE id IN ${pickOf('leads')}`,
    `SELECT last_outcome AS v FROM leads WHERE id IN ${pickOf('leads')}`,
    `SELECT from_code AS v FROM customer_status_changes WHERE id IN ${pickOf('customer_status_changes')}`,
    `SELECT to_code AS v FROM customer_status_changes WHERE id IN ${pickOf('customer_status_changes')}`,
  ];
  for (const u of used) {
    add('statuses', `SELECT u.v FROM (${u}) u JOIN statuses s ON s.code = u.v WHERE s.builtin = 0`);
  }
  add(
    'statuses',
    `SELECT sets_customer_status AS v FROM statuses WHERE code IN ${pickOf('statuses')}`,
  );
  // The agents named by the rows.
  for (const s of historySpecs) {
    if (s.agent)
      add('agents', `SELECT ${s.agent} AS v FROM ${s.table} WHERE ${s.key} IN ${pickOf(s.table)}`);
  }
  add('agents', 'SELECT agent_id AS v FROM agent_self');
  db.exec(`DELETE FROM temp.sync_pick WHERE tbl = 'agents' AND id NOT IN (SELECT id FROM agents)`);
}

/** The picked rows of one table, in key order; a generator, so a big export streams. */
export function* pickedRows(db: Db, spec: TableSpec): Generator<Row> {
  const order = spec.table === 'statuses' ? "kind = 'outcome', code" : spec.key;
  const stmt = db.prepare(
    `SELECT ${spec.columns.join(', ')} FROM ${spec.table}
     WHERE ${spec.key} IN ${pickOf(spec.table)} ORDER BY ${order}`,
  );
  for (const row of stmt.iterate()) yield row as Row;
}
