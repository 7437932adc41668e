import { MAX_PUSH_RECORDS, type SyncRecord } from '../../../shared/team/protocol';
import { specOf, SyncTable, tableSpecs } from '../../../shared/sync/tables';
import type { Db } from '../db/open';
import { getRow, rowsAfterKey } from './db/syncedRows';
import { outboxRows } from './db/teamLink';

export interface OutboxBatch {
  records: SyncRecord[];
  /** The change-log sequence this batch covers: acknowledged, it becomes the pushed mark. */
  upTo: number;
}

const tableOrder = new Map(tableSpecs.map((s, i) => [s.table, i]));

/**
 * The next batch of this install's changes: each row named in the change log after the pushed
 * mark, as it is now (a row changed five times goes up once). Rows deleted since (a duplicate
 * folded into another lead) have nothing to send. Agents' and statuses' rows are the team's:
 * people come from enrolment and the catalogue from the admins.
 */
export function nextOutboxBatch(db: Db, pushedSeq: number, role: string): OutboxBatch {
  const { rows, upTo } = outboxRows(db, pushedSeq, MAX_PUSH_RECORDS);
  const records: SyncRecord[] = [];
  for (const r of rows) {
    const table = SyncTable.safeParse(r.tbl);
    if (!table.success) continue;
    if (table.data === 'agents') continue;
    if (table.data === 'statuses' && role !== 'admin') continue;
    const row = getRow(db, specOf(table.data), r.rowId);
    if (row) records.push({ t: table.data, row });
  }
  records.sort((a, b) => tableOrder.get(a.t)! - tableOrder.get(b.t)!);
  return { records, upTo };
}

export interface UploadPage {
  records: SyncRecord[];
  /** Where the next page starts; null when the upload is complete. */
  next: { table: number; key: string | null } | null;
}

/**
 * A page of the first upload: every synced row this install holds, table by table in key
 * order, so an upload cut short (a crash, the network) goes on where it stopped. Built-in
 * statuses exist everywhere and are not sent; agents are enrolled, not uploaded.
 */
export function nextUploadPage(
  db: Db,
  from: { table: number; key: string | null },
  role: string,
): UploadPage {
  const records: SyncRecord[] = [];
  let { table, key } = from;
  while (table < tableSpecs.length && records.length < MAX_PUSH_RECORDS) {
    const spec = tableSpecs[table]!;
    const skip = spec.table === 'agents' || (spec.table === 'statuses' && role !== 'admin');
    const rows = skip
      ? []
      : rowsAfterKey(db, spec, key, MAX_PUSH_RECORDS - records.length).filter(
          (row) => spec.table !== 'statuses' || row.builtin === 0,
        );
    for (const row of rows) records.push({ t: spec.table, row });
    const last = rows.at(-1);
    if (!skip && rows.length > 0 && records.length === MAX_PUSH_RECORDS) {
      key = String(last![spec.key]);
      break;
    }
    table++;
    key = null;
  }
  return { records, next: table < tableSpecs.length ? { table, key } : null };
}
