import type { Role } from '../../../../shared/roles';
import type { Db } from '../../db/open';

export interface TeamLinkRow {
  serverUrl: string;
  deviceId: string;
  tokenEnc: Buffer;
  agentId: string;
  role: Role;
  teamName: string;
  cursor: number;
  pushedSeq: number;
  nextBatch: number;
  /** Where the first upload is: the index of the table in the sync specs and the last key sent. */
  uploadTable: number | null;
  uploadKey: string | null;
  connectedAt: number;
  lastSyncAt: number | null;
  revokedAt: number | null;
}

export function readLink(db: Db): TeamLinkRow | null {
  return (
    (db
      .prepare(
        `SELECT server_url AS serverUrl, device_id AS deviceId, token_enc AS tokenEnc,
           agent_id AS agentId, role, team_name AS teamName, cursor, pushed_seq AS pushedSeq,
           next_batch AS nextBatch, upload_table AS uploadTable, upload_key AS uploadKey,
           connected_at AS connectedAt, last_sync_at AS lastSyncAt, revoked_at AS revokedAt
         FROM team_link WHERE one = 1`,
      )
      .get() as TeamLinkRow | undefined) ?? null
  );
}

export function insertLink(
  db: Db,
  l: Pick<
    TeamLinkRow,
    | 'serverUrl'
    | 'deviceId'
    | 'tokenEnc'
    | 'agentId'
    | 'role'
    | 'teamName'
    | 'pushedSeq'
    | 'connectedAt'
  >,
): void {
  db.prepare(
    `INSERT INTO team_link (one, server_url, device_id, token_enc, agent_id, role, team_name,
       pushed_seq, upload_table, upload_key, connected_at)
     VALUES (1, @serverUrl, @deviceId, @tokenEnc, @agentId, @role, @teamName, @pushedSeq, 0, NULL,
       @connectedAt)`,
  ).run(l);
}

export function deleteLink(db: Db): void {
  db.prepare('DELETE FROM team_link').run();
  db.prepare('DELETE FROM team_removals').run();
}

/** The next batch number, taken (and kept) before the batch is sent. */
export function takeBatchNumber(db: Db): number {
  return db
    .prepare(
      'UPDATE team_link SET next_batch = next_batch + 1 WHERE one = 1 RETURNING next_batch - 1',
    )
    .pluck()
    .get() as number;
}

export function setPushedSeq(db: Db, seq: number): void {
  db.prepare('UPDATE team_link SET pushed_seq = max(pushed_seq, ?) WHERE one = 1').run(seq);
}

export function setUploadMark(db: Db, table: number | null, key: string | null): void {
  db.prepare('UPDATE team_link SET upload_table = ?, upload_key = ? WHERE one = 1').run(table, key);
}

export function setCursor(db: Db, cursor: number, now: number): void {
  db.prepare('UPDATE team_link SET cursor = ?, last_sync_at = ? WHERE one = 1').run(cursor, now);
}

export function setRole(db: Db, role: Role, teamName: string): void {
  db.prepare('UPDATE team_link SET role = ?, team_name = ? WHERE one = 1').run(role, teamName);
}

export function markRevoked(db: Db, now: number): void {
  db.prepare('UPDATE team_link SET revoked_at = ? WHERE one = 1').run(now);
}

// ---------------------------------------------------------------------------------------------
// The outbox: rows named in the change log after the acknowledged sequence.

/**
 * The next rows to push: distinct (table, id) pairs from the change log after `after`, at most
 * `limit` of them, and the highest log sequence they cover (every entry up to it is included).
 */
export function outboxRows(
  db: Db,
  after: number,
  limit: number,
): { rows: { tbl: string; rowId: string }[]; upTo: number } {
  const entries = db
    .prepare('SELECT seq, tbl, row_id AS rowId FROM change_log WHERE seq > ? ORDER BY seq')
    .iterate(after) as IterableIterator<{ seq: number; tbl: string; rowId: string }>;
  const seen = new Set<string>();
  const rows: { tbl: string; rowId: string }[] = [];
  let upTo = after;
  for (const e of entries) {
    const key = `${e.tbl}\u0000${e.rowId}`;
    if (!seen.has(key)) {
      if (rows.length === limit) break;
      seen.add(key);
      rows.push({ tbl: e.tbl, rowId: e.rowId });
    }
    upTo = e.seq;
  }
  return { rows, upTo };
}

export function pendingCount(db: Db, after: number): number {
  return db
    .prepare('SELECT count(*) FROM (SELECT DISTINCT tbl, row_id FROM change_log WHERE seq > ?)')
    .pluck()
    .get(after) as number;
}

/** Whether a row has local changes the server has not acknowledged yet. */
export function hasPendingChange(db: Db, tbl: string, rowId: string, after: number): boolean {
  return (
    db
      .prepare('SELECT 1 FROM change_log WHERE tbl = ? AND row_id = ? AND seq > ? LIMIT 1')
      .get(tbl, rowId, after) !== undefined
  );
}

/** Whether anything of a lead (the lead or its history) waits to go up. */
export function leadHasPendingChanges(db: Db, leadId: string, after: number): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM change_log c WHERE c.seq > ? AND (
           (c.tbl = 'leads' AND c.row_id = ?)
           OR (c.tbl = 'calls' AND c.row_id IN (SELECT id FROM calls WHERE lead_id = ?))
           OR (c.tbl = 'dispositions' AND c.row_id IN (SELECT id FROM dispositions WHERE lead_id = ?))
           OR (c.tbl = 'orders' AND c.row_id IN (SELECT id FROM orders WHERE lead_id = ?))
           OR (c.tbl = 'lead_notes' AND c.row_id IN (SELECT id FROM lead_notes WHERE lead_id = ?))
           OR (c.tbl = 'customer_status_changes'
               AND c.row_id IN (SELECT id FROM customer_status_changes WHERE lead_id = ?))
         ) LIMIT 1`,
      )
      .get(after, leadId, leadId, leadId, leadId, leadId, leadId) !== undefined
  );
}

// ---------------------------------------------------------------------------------------------
// Refusals and removals.

export function addRefusal(
  db: Db,
  r: { tbl: string; rowId: string; reason: string; leadId: string | null; at: number },
): void {
  db.prepare(
    'INSERT INTO team_refusals (tbl, row_id, reason, lead_id, at) VALUES (?, ?, ?, ?, ?)',
  ).run(r.tbl, r.rowId, r.reason, r.leadId, r.at);
}

export interface RefusalRow {
  id: number;
  tbl: string;
  rowId: string;
  reason: string;
  leadId: string | null;
  at: number;
}

export function unseenRefusals(db: Db, limit: number): RefusalRow[] {
  return db
    .prepare(
      `SELECT id, tbl, row_id AS rowId, reason, lead_id AS leadId, at FROM team_refusals
       WHERE seen = 0 ORDER BY id DESC LIMIT ?`,
    )
    .all(limit) as RefusalRow[];
}

export function markRefusalsSeen(db: Db, upTo: number): void {
  db.prepare('UPDATE team_refusals SET seen = 1 WHERE id <= ?').run(upTo);
}

export function addRemoval(db: Db, leadId: string): void {
  db.prepare('INSERT OR IGNORE INTO team_removals (lead_id) VALUES (?)').run(leadId);
}

export function pendingRemovals(db: Db): string[] {
  return db.prepare('SELECT lead_id FROM team_removals').pluck().all() as string[];
}

export function dropRemoval(db: Db, leadId: string): void {
  db.prepare('DELETE FROM team_removals WHERE lead_id = ?').run(leadId);
}

/** A lead that left this agent, with everything that hangs off it on this install. */
export function deleteLeadLocally(db: Db, leadId: string): void {
  db.prepare(
    'DELETE FROM order_items WHERE order_id IN (SELECT id FROM orders WHERE lead_id = ?)',
  ).run(leadId);
  for (const t of [
    'reminders',
    'orders',
    'dispositions',
    'lead_notes',
    'customer_status_changes',
  ]) {
    db.prepare(`DELETE FROM ${t} WHERE lead_id = ?`).run(leadId);
  }
  db.prepare('UPDATE calls SET lead_id = NULL WHERE lead_id = ?').run(leadId);
  db.prepare('DELETE FROM lead_aliases WHERE lead_id = ?').run(leadId);
  db.prepare('DELETE FROM leads WHERE id = ?').run(leadId);
}
