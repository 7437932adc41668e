import type { BundleTable, LeadSelection } from '../../../../shared/api/sync';
import type { Db } from '../../db/open';

/*
 * The rows a bundle carries, and how a merge decides between two versions of one row.
 *
 * Every decision is "keep the greater of the two" under a total order on row contents, so a
 * merge is commutative, associative and idempotent: bundles in any order, or twice, end in the
 * same database.
 * - `lww` (leads, orders, agents): the newest `updated_at`; a tie goes to the greater canonical
 *   serialisation (JSON of the columns in a fixed order).
 * - `progress` (calls): a call record only fills in as the call goes on (answered, ended,
 *   quality), so the version with more known columns is the later one.
 * - `content` (the append-only ones): a row never changes once written, so two versions only
 *   differ if something is wrong; the greater serialisation still makes the outcome deterministic.
 */
export type Rank = 'lww' | 'progress' | 'content';

export interface TableSpec {
  table: BundleTable;
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

const leadColumns = [
  'id',
  'name',
  'phone_e164',
  'phone_as_given',
  'source',
  'note',
  'stage',
  'next_action',
  'next_action_at',
  'customer_status',
  'received_at',
  'created_at',
  'updated_at',
  'phone2_e164',
  'phone2_as_given',
  'gender',
  'birth_year',
  'province',
  'district',
  'address',
  'do_not_call',
  'phone_wrong',
  'last_outcome',
] as const;

/** In the order they are merged: a row's references come before it. */
export const tableSpecs: readonly TableSpec[] = [
  {
    table: 'agents',
    key: 'id',
    columns: ['id', 'name', 'code', 'created_at', 'updated_at'],
    rank: 'lww',
    time: 'updated_at',
    agent: 'id',
    lead: null,
  },
  {
    table: 'statuses',
    key: 'code',
    columns: [
      'code',
      'kind',
      'stage',
      'label_vi',
      'label_en',
      'color',
      'rule',
      'rule_hours',
      'rule_payment',
      'sets_customer_status',
      'invalidates_phone',
      'builtin',
      'sort_order',
      'active',
    ],
    rank: 'content',
    time: null,
    agent: null,
    lead: null,
  },
  {
    table: 'leads',
    key: 'id',
    columns: leadColumns,
    rank: 'lww',
    time: 'updated_at',
    agent: null,
    lead: null,
  },
  {
    table: 'calls',
    key: 'id',
    columns: [
      'id',
      'lead_id',
      'direction',
      'via',
      'number',
      'account_id',
      'started_at',
      'answered_at',
      'ended_at',
      'talk_seconds',
      'sip_call_id',
      'end_cause',
      'rtt_ms',
      'jitter_ms',
      'packet_loss_pct',
      'codec',
      'agent_id',
    ],
    rank: 'progress',
    time: 'started_at',
    agent: 'agent_id',
    lead: 'lead_id',
  },
  {
    table: 'dispositions',
    key: 'id',
    columns: [
      'id',
      'lead_id',
      'call_id',
      'status_code',
      'note',
      'callback_at',
      'consent_outside_hours',
      'stage_before',
      'stage_after',
      'created_at',
      'agent_id',
    ],
    rank: 'content',
    time: 'created_at',
    agent: 'agent_id',
    lead: 'lead_id',
  },
  {
    table: 'orders',
    key: 'id',
    columns: [
      'id',
      'lead_id',
      'disposition_id',
      'total',
      'payment',
      'state',
      'delivery_address',
      'note',
      'created_at',
      'updated_at',
      'agent_id',
    ],
    rank: 'lww',
    time: 'updated_at',
    agent: 'agent_id',
    lead: 'lead_id',
  },
  {
    table: 'order_items',
    key: 'id',
    columns: [
      'id',
      'order_id',
      'product_id',
      'product_name',
      'quantity',
      'unit_price',
      'line_total',
    ],
    rank: 'content',
    time: null,
    agent: null,
    lead: null,
  },
  {
    table: 'lead_notes',
    key: 'id',
    columns: ['id', 'lead_id', 'text', 'created_at', 'agent_id'],
    rank: 'content',
    time: 'created_at',
    agent: 'agent_id',
    lead: 'lead_id',
  },
  {
    table: 'customer_status_changes',
    key: 'id',
    columns: ['id', 'lead_id', 'from_code', 'to_code', 'by', 'at', 'agent_id'],
    rank: 'content',
    time: 'at',
    agent: 'agent_id',
    lead: 'lead_id',
  },
];

export const specOf = (table: BundleTable): TableSpec => tableSpecs.find((s) => s.table === table)!;

export type Row = Record<string, string | number | null>;

// ---------------------------------------------------------------------------------------------
// Export: which rows. A temp table holds the picked keys, so 100,000 ids never become one SQL list.

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
  for (const t of ['calls', 'dispositions', 'orders', 'lead_notes', 'customer_status_changes']) {
    db.exec(`INSERT OR IGNORE INTO temp.sync_pick (tbl, id)
      SELECT '${t}', x.id FROM ${t} x JOIN temp.sync_pick p ON p.tbl = 'leads' AND p.id = x.lead_id`);
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
  for (const t of ['calls', 'dispositions', 'orders', 'lead_notes', 'customer_status_changes']) {
    add('leads', `SELECT lead_id AS v FROM ${t} WHERE id IN ${pickOf(t)}`);
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
  for (const t of ['calls', 'dispositions', 'orders', 'lead_notes', 'customer_status_changes']) {
    add('agents', `SELECT agent_id AS v FROM ${t} WHERE id IN ${pickOf(t)}`);
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

// ---------------------------------------------------------------------------------------------
// Watermark and change log.

export function lastChangeSeq(db: Db): number {
  return (db.prepare('SELECT MAX(seq) FROM change_log').pluck().get() as number | null) ?? 0;
}

export function readMark(db: Db, key: string): number | null {
  return (
    (db.prepare('SELECT value FROM sync_marks WHERE key = ?').pluck().get(key) as
      number | undefined) ?? null
  );
}

export function writeMark(db: Db, key: string, value: number): void {
  db.prepare(
    'INSERT INTO sync_marks (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

export function pendingChangeCount(db: Db, since: number): number {
  return db
    .prepare('SELECT COUNT(*) FROM (SELECT DISTINCT tbl, row_id FROM change_log WHERE seq > ?)')
    .pluck()
    .get(since) as number;
}

/** Entries up to an exported watermark have done their job. */
export function compactChangeLog(db: Db, upTo: number): void {
  db.prepare('DELETE FROM change_log WHERE seq <= ?').run(upTo);
}

// ---------------------------------------------------------------------------------------------
// Import: merging rows.

export function pauseLogging(db: Db, paused: boolean): void {
  if (paused) db.exec('INSERT OR IGNORE INTO sync_paused (one) VALUES (1)');
  else db.exec('DELETE FROM sync_paused');
}

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

export function resolveLeadId(db: Db, id: string): string {
  return (
    (db.prepare('SELECT lead_id FROM lead_aliases WHERE alias_id = ?').pluck().get(id) as
      string | undefined) ?? id
  );
}

export function productExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM products WHERE id = ?').get(id) !== undefined;
}

export function isBuiltinStatus(db: Db, code: string): boolean {
  return db.prepare('SELECT builtin FROM statuses WHERE code = ?').pluck().get(code) === 1;
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

export function leadRowid(db: Db, id: string): number | undefined {
  return db.prepare('SELECT rowid FROM leads WHERE id = ?').pluck().get(id) as number | undefined;
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

export function updateRow(db: Db, spec: TableSpec, row: Row): void {
  const sets = spec.columns.filter((c) => c !== spec.key).map((c) => `${c} = @${c}`);
  db.prepare(`UPDATE ${spec.table} SET ${sets.join(', ')} WHERE ${spec.key} = @${spec.key}`).run(
    row,
  );
}

export function leadIdByPhone(db: Db, e164: string): string | undefined {
  return db.prepare('SELECT id FROM leads WHERE phone_e164 = ?').pluck().get(e164) as
    string | undefined;
}

/**
 * Two leads turned out to be one person (same number, made by two agents): `winner` takes over
 * `loser`'s history and name, and `loser`'s id becomes an alias of it. The caller has already
 * written `winner` (with the merged content) after freeing the number with `releasePhone`.
 */
export function foldLeadInto(db: Db, loser: string, winner: string, now: number): void {
  // A lead has one pending callback at most; the kept lead's own one stays.
  db.prepare(
    `UPDATE reminders SET state = 'cancelled', updated_at = ?
     WHERE lead_id = ? AND state = 'pending' AND EXISTS (
       SELECT 1 FROM reminders r WHERE r.lead_id = ? AND r.state = 'pending')`,
  ).run(now, loser, winner);
  for (const t of [
    'calls',
    'dispositions',
    'orders',
    'lead_notes',
    'customer_status_changes',
    'reminders',
  ]) {
    db.prepare(`UPDATE ${t} SET lead_id = ? WHERE lead_id = ?`).run(winner, loser);
  }
  db.prepare('UPDATE lead_aliases SET lead_id = ? WHERE lead_id = ?').run(winner, loser);
  aliasLead(db, loser, winner);
  db.prepare('DELETE FROM leads WHERE id = ?').run(loser);
}

export function aliasLead(db: Db, alias: string, leadId: string): void {
  db.prepare('INSERT OR REPLACE INTO lead_aliases (alias_id, lead_id) VALUES (?, ?)').run(
    alias,
    leadId,
  );
}

export function releasePhone(db: Db, leadId: string): void {
  db.prepare('UPDATE leads SET phone_e164 = NULL WHERE id = ?').run(leadId);
}

/** After an assignment: the agent's scheduler should know each lead's callback. */
export function leadCallback(
  db: Db,
  id: string,
): { nextAction: string; nextActionAt: number | null; pendingAt: number | null } | undefined {
  return db
    .prepare(
      `SELECT l.next_action AS nextAction, l.next_action_at AS nextActionAt,
         (SELECT due_at FROM reminders r WHERE r.lead_id = l.id AND r.state = 'pending') AS pendingAt
       FROM leads l WHERE l.id = ?`,
    )
    .get(id) as
    { nextAction: string; nextActionAt: number | null; pendingAt: number | null } | undefined;
}
