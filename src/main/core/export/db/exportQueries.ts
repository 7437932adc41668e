import type { ExportFilter, ExportKind } from '../../../../shared/exportTypes';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../db/open';

/*
 * The rows behind an export, read in keyset pages so an export of any size holds one page in
 * memory at a time. Leads go in rowid order (the order they were added — a range scan with no
 * sort), calls by start time and orders by creation time (each one range of an existing index).
 *
 * Agents: migration 0070 adds `agent_id` to calls and orders and an `agents` table. Until a
 * database has them, the agent columns come out empty and an agent filter is refused.
 */

export interface LeadExportRow {
  id: string;
  name: string;
  phone_e164: string | null;
  phone_as_given: string;
  phone2_e164: string | null;
  phone2_as_given: string;
  source: string;
  note: string;
  stage: 'new' | 'contact' | 'order';
  next_action: 'call_now' | 'callback' | 'none';
  next_action_at: number | null;
  customer_status: string | null;
  last_outcome: string | null;
  gender: string;
  birth_year: number | null;
  province: string;
  district: string;
  address: string;
  do_not_call: number;
  phone_wrong: number;
  received_at: number;
  updated_at: number;
}

export interface CallExportRow {
  id: string;
  direction: 'outbound' | 'inbound';
  via: 'softphone' | 'manual';
  number: string;
  started_at: number;
  answered_at: number | null;
  ended_at: number | null;
  talk_seconds: number;
  end_cause: string | null;
  lead_name: string | null;
  lead_source: string | null;
  outcome: string | null;
  outcome_note: string | null;
  agent_name: string | null;
  agent_code: string | null;
}

export interface OrderExportRow {
  id: string;
  created_at: number;
  updated_at: number;
  total: number;
  payment: 'pending' | 'paid';
  state: string;
  delivery_address: string;
  note: string;
  lead_name: string;
  lead_phone_e164: string | null;
  lead_phone_as_given: string;
  lead_source: string;
  /** JSON: [[product name, quantity, unit price], …] in the order they were entered. */
  items: string;
  quantity: number;
  agent_name: string | null;
  agent_code: string | null;
}

export interface ExportRowOf {
  leads: LeadExportRow;
  calls: CallExportRow;
  orders: OrderExportRow;
}

/** Whether this database records which agent made a call or an order (migration 0070). */
export function hasAgents(db: Db): boolean {
  return (
    db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM pragma_table_info('calls') WHERE name = 'agent_id')
              + (SELECT COUNT(*) FROM pragma_table_info('orders') WHERE name = 'agent_id')
              + (SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = 'agents')`,
      )
      .pluck()
      .get() === 3
  );
}

interface Query {
  select: string;
  from: string;
  where: string[];
  params: Record<string, unknown>;
  /** Keyset columns in ORDER BY order: the time (none for leads) and the rowid. */
  keyColumns: [string | null, string];
  /** The time range's lower bound, which the paged query folds into its keyset. */
  fromCondition: string | null;
}

// Keyset key of the last row read: [time, tie-breaker (rowid or id)].
type Key = [number, number | string];

function leadFilter(f: ExportFilter, q: Query, lead: string, time: string, timeOwner = lead): void {
  if (f.from !== null) {
    q.fromCondition = `${timeOwner}.${time} >= @from`;
    q.params.from = f.from;
  }
  if (f.to !== null) {
    q.where.push(`${timeOwner}.${time} < @to`);
    q.params.to = f.to;
  }
  if (f.stage !== null) {
    q.where.push(`${lead}.stage = @stage`);
    q.params.stage = f.stage;
  }
  if (f.customerStatus !== null) {
    q.where.push(
      f.customerStatus === ''
        ? `${lead}.customer_status IS NULL`
        : `${lead}.customer_status = @customerStatus`,
    );
    if (f.customerStatus !== '') q.params.customerStatus = f.customerStatus;
  }
  if (f.source !== null) {
    q.where.push(`${lead}.source = @source`);
    q.params.source = f.source;
  }
}

function agentParts(db: Db, f: ExportFilter, q: Query, table: string): void {
  if (hasAgents(db)) {
    q.select += ', a.name AS agent_name, a.code AS agent_code';
    q.from += ` LEFT JOIN agents a ON a.id = ${table}.agent_id`;
    if (f.agentId !== null) {
      q.where.push(`${table}.agent_id = @agentId`);
      q.params.agentId = f.agentId;
    }
    return;
  }
  q.select += ', NULL AS agent_name, NULL AS agent_code';
  if (f.agentId !== null) {
    throw new AppError('invalid_input', 'This database does not record agents yet.', {
      fields: [{ path: 'filter.agentId', key: 'agent_unknown' }],
    });
  }
}

function buildQuery(db: Db, kind: ExportKind, f: ExportFilter): Query {
  switch (kind) {
    case 'leads': {
      const q: Query = {
        select: `l.rowid AS k_tie, 0 AS k_time, l.id, l.name, l.phone_e164, l.phone_as_given,
          l.phone2_e164, l.phone2_as_given, l.source, l.note, l.stage, l.next_action,
          l.next_action_at, l.customer_status, l.last_outcome, l.gender, l.birth_year, l.province,
          l.district, l.address, l.do_not_call, l.phone_wrong, l.received_at, l.updated_at`,
        from: 'leads l',
        where: [],
        params: {},
        keyColumns: [null, 'l.rowid'],
        fromCondition: null,
      };
      leadFilter(f, q, 'l', 'received_at');
      if (f.outcome !== null) {
        q.where.push('l.last_outcome = @outcome');
        q.params.outcome = f.outcome;
      }
      return q;
    }
    case 'calls': {
      const q: Query = {
        select: `c.rowid AS k_tie, c.started_at AS k_time, c.id, c.direction, c.via, c.number,
          c.started_at, c.answered_at, c.ended_at, c.talk_seconds, c.end_cause,
          l.name AS lead_name, l.source AS lead_source, d.status_code AS outcome,
          d.note AS outcome_note`,
        // The call's outcome is its latest disposition (index dispositions_call, migration 0080).
        from: `calls c LEFT JOIN leads l ON l.id = c.lead_id
          LEFT JOIN dispositions d ON d.rowid = (SELECT rowid FROM dispositions
            WHERE call_id = c.id ORDER BY created_at DESC, rowid DESC LIMIT 1)`,
        where: [],
        params: {},
        keyColumns: ['c.started_at', 'c.rowid'],
        fromCondition: null,
      };
      leadFilter(f, q, 'l', 'started_at', 'c');
      if (f.outcome !== null) {
        q.where.push('d.status_code = @outcome');
        q.params.outcome = f.outcome;
      }
      agentParts(db, f, q, 'c');
      return q;
    }
    case 'orders': {
      const q: Query = {
        select: `o.id AS k_tie, o.created_at AS k_time, o.id, o.created_at, o.updated_at,
          o.total, o.payment, o.state, o.delivery_address, o.note, l.name AS lead_name,
          l.phone_e164 AS lead_phone_e164, l.phone_as_given AS lead_phone_as_given,
          l.source AS lead_source,
          (SELECT json_group_array(json_array(product_name, quantity, unit_price))
             FROM (SELECT product_name, quantity, unit_price FROM order_items
                   WHERE order_id = o.id ORDER BY rowid)) AS items,
          (SELECT COALESCE(SUM(quantity), 0) FROM order_items WHERE order_id = o.id) AS quantity`,
        from: 'orders o JOIN leads l ON l.id = o.lead_id',
        where: [],
        params: {},
        // (created_at, id): the order of index orders_created.
        keyColumns: ['o.created_at', 'o.id'],
        fromCondition: null,
      };
      leadFilter(f, q, 'l', 'created_at', 'o');
      if (f.outcome !== null) {
        q.where.push('l.last_outcome = @outcome');
        q.params.outcome = f.outcome;
      }
      if (f.orderState !== null) {
        q.where.push('o.state = @orderState');
        q.params.orderState = f.orderState;
      }
      agentParts(db, f, q, 'o');
      return q;
    }
  }
}

const whereOf = (conditions: string[]) =>
  conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;

export function countExportRows(db: Db, kind: ExportKind, filter: ExportFilter): number {
  const q = buildQuery(db, kind, filter);
  const where = q.fromCondition === null ? q.where : [...q.where, q.fromCondition];
  return db
    .prepare(`SELECT COUNT(*) FROM ${q.from} ${whereOf(where)}`)
    .pluck()
    .get(q.params) as number;
}

/**
 * Pages of export rows: each call to `next()` returns up to `pageSize` rows after the last one
 * returned (an empty array at the end). Rows written meanwhile behind the cursor are not seen;
 * rows ahead of it are.
 */
export function exportPages<K extends ExportKind>(
  db: Db,
  kind: K,
  filter: ExportFilter,
  pageSize: number,
): { next(): ExportRowOf[K][]; /** For query-plan tests. */ sql: string } {
  const q = buildQuery(db, kind, filter);
  const [timeCol, tieCol] = q.keyColumns;
  // Leads go by rowid and filter their time; calls and orders start the keyset at `from`, so
  // every page is one range of the time index: (time, tie) > (from, lowest) ⇔ time >= from.
  const where =
    timeCol === null && q.fromCondition !== null ? [...q.where, q.fromCondition] : q.where;
  const after =
    timeCol === null ? `${tieCol} > @kTie` : `(${timeCol}, ${tieCol}) > (@kTime, @kTie)`;
  const order = timeCol === null ? tieCol : `${timeCol}, ${tieCol}`;
  const sql = `SELECT ${q.select} FROM ${q.from} ${whereOf([...where, after])}
    ORDER BY ${order} LIMIT @pageSize`;
  // Below every key: rowids are positive, ids non-empty text, times at least `from`.
  let key: Key = [filter.from ?? -1, timeCol === 'o.created_at' ? '' : -1];
  return {
    sql,
    next() {
      const rows = db.prepare(sql).all({
        ...q.params,
        ...(timeCol === null ? {} : { kTime: key[0] }),
        kTie: key[1],
        pageSize,
      }) as (ExportRowOf[K] & { k_time: number; k_tie: number | string })[];
      const last = rows[rows.length - 1];
      if (last) key = [last.k_time, last.k_tie];
      return rows;
    },
  };
}
