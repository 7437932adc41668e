import {
  columnNames,
  specOf,
  tableSpecs,
  type Row,
  type SyncTable,
  type TableSpec,
} from '../../shared/sync/tables';
import type { Db, Tx } from './pool';

/*
 * The synced rows on the server: reading and writing them for pushes and pulls. Table and
 * column names come from shared/sync/tables.ts, never from a request.
 */

export interface LeadState {
  id: string;
  owner: string | null;
  stage: string;
  phone: string | null;
}

/** A lead id as the server knows it: an alias leads to the lead that was kept. */
export async function resolveLeadId(tx: Tx, id: string): Promise<{ id: string; aliased: boolean }> {
  const { rows } = await tx.query<{ lead_id: string }>(
    'SELECT lead_id FROM lead_aliases WHERE alias_id = $1',
    [id],
  );
  return rows[0] ? { id: rows[0].lead_id, aliased: true } : { id, aliased: false };
}

/** The lead, locked for the rest of the transaction. */
export async function lockLead(tx: Tx, id: string): Promise<LeadState | undefined> {
  const { rows } = await tx.query<{
    id: string;
    owner_agent_id: string | null;
    stage: string;
    phone_e164: string | null;
  }>('SELECT id, owner_agent_id, stage, phone_e164 FROM leads WHERE id = $1 FOR UPDATE', [id]);
  const r = rows[0];
  return r && { id: r.id, owner: r.owner_agent_id, stage: r.stage, phone: r.phone_e164 };
}

export async function leadIdByPhone(tx: Tx, e164: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM leads WHERE phone_e164 = $1', [
    e164,
  ]);
  return rows[0]?.id;
}

export async function addAlias(tx: Tx, alias: string, leadId: string): Promise<void> {
  await tx.query(
    'INSERT INTO lead_aliases (alias_id, lead_id) VALUES ($1, $2) ON CONFLICT (alias_id) DO NOTHING',
    [alias, leadId],
  );
}

/** Whether the agent owned the lead at some time (it was moved away from them since). */
export async function everOwned(tx: Tx, leadId: string, agentId: string): Promise<boolean> {
  const { rows } = await tx.query(
    'SELECT 1 FROM lead_moves WHERE lead_id = $1 AND (from_agent_id = $2 OR to_agent_id = $2) LIMIT 1',
    [leadId, agentId],
  );
  return rows.length > 0;
}

const placeholders = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => `$${i + from}`).join(', ');

/** Inserts a row unless its key exists; answers whether it was new. */
export async function insertRow(
  tx: Tx,
  spec: TableSpec,
  row: Row,
  extra: Record<string, string | null> = {},
): Promise<boolean> {
  const cols = [...columnNames(spec), ...Object.keys(extra)];
  const values = [...columnNames(spec).map((c) => row[c] ?? null), ...Object.values(extra)];
  const r = await tx.query(
    `INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${placeholders(cols.length)})
     ON CONFLICT (${spec.key}) DO NOTHING`,
    values,
  );
  return (r.rowCount ?? 0) > 0;
}

/** Writes every synced column of an existing row, unless nothing would change. */
export async function updateRow(tx: Tx, spec: TableSpec, row: Row): Promise<boolean> {
  const cols = columnNames(spec).filter((c) => c !== spec.key);
  const r = await tx.query(
    `UPDATE ${spec.table} SET (${cols.join(', ')}) = ROW(${placeholders(cols.length, 2)})
     WHERE ${spec.key} = $1 AND (${cols.join(', ')}) IS DISTINCT FROM (${placeholders(cols.length, 2)})`,
    [row[spec.key], ...cols.map((c) => row[c] ?? null)],
  );
  return (r.rowCount ?? 0) > 0;
}

export async function getRow(tx: Tx, spec: TableSpec, key: string): Promise<Row | undefined> {
  const { rows } = await tx.query<Row>(
    `SELECT ${columnNames(spec).join(', ')} FROM ${spec.table} WHERE ${spec.key} = $1`,
    [key],
  );
  return rows[0];
}

export async function orderLeadId(tx: Tx, orderId: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ lead_id: string }>('SELECT lead_id FROM orders WHERE id = $1', [
    orderId,
  ]);
  return rows[0]?.lead_id;
}

/** A new sequence number for the lead (its trigger gives one on any update): pulled again. */
export async function touchLead(tx: Tx, leadId: string): Promise<void> {
  await tx.query('UPDATE leads SET owner_agent_id = owner_agent_id WHERE id = $1', [leadId]);
}

export async function setOwner(tx: Tx, leadId: string, owner: string | null): Promise<void> {
  await tx.query('UPDATE leads SET owner_agent_id = $2 WHERE id = $1', [leadId, owner]);
}

// ---------------------------------------------------------------------------------------------
// Batches: a (device, batch) is applied once.

export async function storedBatch(
  tx: Tx,
  deviceId: string,
  batch: number,
): Promise<{ requestHash: Buffer; response: unknown } | undefined> {
  const { rows } = await tx.query<{ request_hash: Buffer; response: unknown }>(
    'SELECT request_hash, response FROM device_batches WHERE device_id = $1 AND batch = $2',
    [deviceId, batch],
  );
  return rows[0] && { requestHash: rows[0].request_hash, response: rows[0].response };
}

export async function storeBatch(
  tx: Tx,
  deviceId: string,
  batch: number,
  requestHash: Buffer,
  response: unknown,
  now: number,
): Promise<void> {
  await tx.query(
    'INSERT INTO device_batches (device_id, batch, request_hash, response, at) VALUES ($1, $2, $3, $4, $5)',
    [deviceId, batch, requestHash, JSON.stringify(response), now],
  );
}

export async function notifyChanges(tx: Tx | Db, payload: object): Promise<void> {
  await tx.query("SELECT pg_notify('leadphone_changes', $1)", [JSON.stringify(payload)]);
}

// ---------------------------------------------------------------------------------------------
// Pulls.

export interface PulledRow {
  t: SyncTable;
  seq: number;
  row: Row;
}

function pick(spec: TableSpec, raw: Record<string, unknown>): Row {
  const row: Row = {};
  for (const c of spec.columns) row[c.name] = (raw[c.name] ?? null) as string | number | null;
  return row;
}

const asRows = (rows: { t: SyncTable; seq: number; row: Record<string, unknown> }[]): PulledRow[] =>
  rows.map((r) => ({ t: r.t, seq: r.seq, row: pick(specOf(r.t), r.row) }));

/** Every synced row changed after `cursor`, in sequence order (a supervisor's view). */
export async function changedRows(tx: Tx, cursor: number, limit: number): Promise<PulledRow[]> {
  const parts = tableSpecs.map(
    (s) => `SELECT '${s.table}' AS t, seq, to_jsonb(x) AS row FROM ${s.table} x WHERE seq > $1`,
  );
  const { rows } = await tx.query(
    `SELECT t, seq, row FROM (${parts.join(' UNION ALL ')}) u ORDER BY seq LIMIT $2`,
    [cursor, limit],
  );
  return asRows(rows);
}

/**
 * The rows changed after `cursor` that one agent may see: their own leads and those leads'
 * history, their calls to numbers without a lead, and the team's catalogue and people.
 */
export async function changedRowsOf(
  tx: Tx,
  agentId: string,
  cursor: number,
  limit: number,
): Promise<PulledRow[]> {
  const mine = 'SELECT id FROM leads WHERE owner_agent_id = $2';
  const { rows } = await tx.query(
    `SELECT t, seq, row FROM (
       SELECT 'agents' AS t, seq, to_jsonb(x) AS row FROM agents x WHERE seq > $1
       UNION ALL SELECT 'statuses', seq, to_jsonb(x) FROM statuses x WHERE seq > $1
       UNION ALL SELECT 'leads', seq, to_jsonb(x) FROM leads x WHERE seq > $1 AND owner_agent_id = $2
       UNION ALL SELECT 'calls', seq, to_jsonb(x) FROM calls x WHERE seq > $1
         AND (lead_id IN (${mine}) OR (lead_id IS NULL AND agent_id = $2))
       ${['dispositions', 'orders', 'lead_notes', 'customer_status_changes']
         .map(
           (t) => `UNION ALL SELECT '${t}', seq, to_jsonb(x) FROM ${t} x WHERE seq > $1
         AND lead_id IN (${mine})`,
         )
         .join('\n')}
       UNION ALL SELECT 'order_items', x.seq, to_jsonb(x) FROM order_items x
         JOIN orders o ON o.id = x.order_id WHERE x.seq > $1 AND o.lead_id IN (${mine})
     ) u ORDER BY seq LIMIT $3`,
    [cursor, agentId, limit],
  );
  return asRows(rows);
}

export interface Move {
  seq: number;
  leadId: string;
  from: string | null;
  to: string | null;
}

export async function movesOf(
  tx: Tx,
  agentId: string,
  cursor: number,
  limit: number,
): Promise<Move[]> {
  const { rows } = await tx.query<{
    seq: number;
    lead_id: string;
    from_agent_id: string | null;
    to_agent_id: string | null;
  }>(
    `SELECT seq, lead_id, from_agent_id, to_agent_id FROM lead_moves
     WHERE seq > $1 AND (from_agent_id = $2 OR to_agent_id = $2) ORDER BY seq LIMIT $3`,
    [cursor, agentId, limit],
  );
  return rows.map((r) => ({
    seq: r.seq,
    leadId: r.lead_id,
    from: r.from_agent_id,
    to: r.to_agent_id,
  }));
}

/** A lead and all its history, as they are now: what an agent needs when it becomes theirs. */
export async function leadWithHistory(tx: Tx, leadIds: string[]): Promise<PulledRow[]> {
  if (leadIds.length === 0) return [];
  const { rows } = await tx.query(
    `SELECT t, seq, row FROM (
       SELECT 'leads' AS t, seq, to_jsonb(x) AS row FROM leads x WHERE id = ANY($1)
       ${['calls', 'dispositions', 'orders', 'lead_notes', 'customer_status_changes']
         .map(
           (t) => `UNION ALL SELECT '${t}', seq, to_jsonb(x) FROM ${t} x WHERE lead_id = ANY($1)`,
         )
         .join('\n')}
       UNION ALL SELECT 'order_items', x.seq, to_jsonb(x) FROM order_items x
         JOIN orders o ON o.id = x.order_id WHERE o.lead_id = ANY($1)
     ) u`,
    [leadIds],
  );
  // In table order, so a lead comes before its history and an order before its items.
  const order = new Map(tableSpecs.map((s, i) => [s.table, i]));
  return asRows(rows).sort((a, b) => order.get(a.t)! - order.get(b.t)! || a.seq - b.seq);
}
