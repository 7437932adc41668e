import { z } from 'zod';
import { TEXT_LIMITS } from '../textLimits';

/*
 * The tables that travel between installs — in bundle files and to and from the team server —
 * with every column they carry and its type. One list, read by the bundle writer and reader,
 * the team server's sync and the wire contract; `test/main/sync/syncSpecs.test.ts` compares it
 * with the migrated SQLite schema and `test/server/schema.test.ts` with PostgreSQL's, so a
 * column added to a synced table is either listed here or excluded on purpose.
 */

export type ColumnType = 'text' | 'integer' | 'real';

export interface Column {
  name: string;
  type: ColumnType;
  nullable: boolean;
}

/**
 * How a merge picks between two versions of a row (bundles): `lww` the newest `updated_at`,
 * `progress` the more complete record (a call fills in as it goes on), `content` append-only
 * rows that never change once written. Ties go to the greater canonical serialisation.
 */
export type Rank = 'lww' | 'progress' | 'content';

export interface TableSpec {
  table: SyncTable;
  key: string;
  /** The columns carried, in canonical order (the key first). */
  columns: readonly Column[];
  rank: Rank;
  /** The column holding the record's time (null: none). */
  time: string | null;
  /** The column holding the agent who made the row. */
  agent: string | null;
  /** The column pointing at a lead. */
  lead: string | null;
}

const t = (name: string): Column => ({ name, type: 'text', nullable: false });
const tn = (name: string): Column => ({ name, type: 'text', nullable: true });
const i = (name: string): Column => ({ name, type: 'integer', nullable: false });
const inn = (name: string): Column => ({ name, type: 'integer', nullable: true });
const rn = (name: string): Column => ({ name, type: 'real', nullable: true });

export const syncTables = [
  'agents',
  'statuses',
  'leads',
  'calls',
  'dispositions',
  'orders',
  'order_items',
  'lead_notes',
  'customer_status_changes',
] as const;
export const SyncTable = z.enum(syncTables);
export type SyncTable = z.infer<typeof SyncTable>;

/** In the order they are merged: a row's references come before it. */
export const tableSpecs: readonly TableSpec[] = [
  {
    table: 'agents',
    key: 'id',
    columns: [t('id'), t('name'), t('code'), i('created_at'), i('updated_at')],
    rank: 'lww',
    time: 'updated_at',
    agent: 'id',
    lead: null,
  },
  {
    table: 'statuses',
    key: 'code',
    columns: [
      t('code'),
      t('kind'),
      tn('stage'),
      t('label_vi'),
      t('label_en'),
      t('color'),
      t('rule'),
      inn('rule_hours'),
      tn('rule_payment'),
      tn('sets_customer_status'),
      i('invalidates_phone'),
      i('builtin'),
      i('sort_order'),
      i('active'),
    ],
    rank: 'content',
    time: null,
    agent: null,
    lead: null,
  },
  {
    table: 'leads',
    key: 'id',
    columns: [
      t('id'),
      t('name'),
      tn('phone_e164'),
      t('phone_as_given'),
      t('source'),
      t('note'),
      t('stage'),
      t('next_action'),
      inn('next_action_at'),
      tn('customer_status'),
      i('received_at'),
      i('created_at'),
      i('updated_at'),
      tn('phone2_e164'),
      t('phone2_as_given'),
      t('gender'),
      inn('birth_year'),
      t('province'),
      t('district'),
      t('address'),
      i('do_not_call'),
      i('phone_wrong'),
      tn('last_outcome'),
    ],
    rank: 'lww',
    time: 'updated_at',
    agent: null,
    lead: null,
  },
  {
    table: 'calls',
    key: 'id',
    columns: [
      t('id'),
      tn('lead_id'),
      t('direction'),
      t('via'),
      t('number'),
      tn('account_id'),
      i('started_at'),
      inn('answered_at'),
      inn('ended_at'),
      i('talk_seconds'),
      tn('sip_call_id'),
      tn('end_cause'),
      inn('rtt_ms'),
      inn('jitter_ms'),
      rn('packet_loss_pct'),
      tn('codec'),
      tn('agent_id'),
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
      t('id'),
      t('lead_id'),
      tn('call_id'),
      t('status_code'),
      t('note'),
      inn('callback_at'),
      i('consent_outside_hours'),
      t('stage_before'),
      t('stage_after'),
      i('created_at'),
      tn('agent_id'),
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
      t('id'),
      t('lead_id'),
      tn('disposition_id'),
      i('total'),
      t('payment'),
      t('state'),
      t('delivery_address'),
      t('note'),
      i('created_at'),
      i('updated_at'),
      tn('agent_id'),
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
      t('id'),
      t('order_id'),
      tn('product_id'),
      t('product_name'),
      i('quantity'),
      i('unit_price'),
      i('line_total'),
    ],
    rank: 'content',
    time: null,
    agent: null,
    lead: null,
  },
  {
    table: 'lead_notes',
    key: 'id',
    columns: [t('id'), t('lead_id'), t('text'), i('created_at'), tn('agent_id')],
    rank: 'content',
    time: 'created_at',
    agent: 'agent_id',
    lead: 'lead_id',
  },
  {
    table: 'customer_status_changes',
    key: 'id',
    columns: [
      t('id'),
      t('lead_id'),
      tn('from_code'),
      tn('to_code'),
      t('by'),
      i('at'),
      tn('agent_id'),
    ],
    rank: 'content',
    time: 'at',
    agent: 'agent_id',
    lead: 'lead_id',
  },
];

/**
 * The tables of a lead's history: each row points at one lead (`lead`) and names the agent who
 * made it (`agent`); a lead's rows go where the lead goes (an assignment, two leads merged).
 */
export const leadHistoryTables: readonly SyncTable[] = tableSpecs
  .filter((s) => s.lead !== null)
  .map((s) => s.table);

/**
 * Columns of synced tables that stay on each install on purpose (none yet: the schema tests
 * read this list, so excluding a new column is a decision written down here).
 */
export const unsyncedColumns: Readonly<Partial<Record<SyncTable, readonly string[]>>> = {};

export const specOf = (table: SyncTable): TableSpec => tableSpecs.find((s) => s.table === table)!;

export const columnNames = (spec: TableSpec): string[] => spec.columns.map((c) => c.name);

export type Row = Record<string, string | number | null>;

// The longest text any synced column holds (a note): a bound for the wire, not a business rule.
const MAX_CELL_TEXT = TEXT_LIMITS.note;

function cellSchema(column: Column): z.ZodType<string | number | null> {
  const base =
    column.type === 'text'
      ? z.string().max(MAX_CELL_TEXT)
      : column.type === 'integer'
        ? z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER)
        : z.number().finite();
  return column.nullable ? base.nullable() : base;
}

/** A row of one table as it crosses a boundary: every column, of its type, nothing else. */
export const rowSchemas = Object.fromEntries(
  tableSpecs.map((spec) => [
    spec.table,
    z.object(Object.fromEntries(spec.columns.map((c) => [c.name, cellSchema(c)]))).strict(),
  ]),
) as unknown as Record<SyncTable, z.ZodType<Row>>;
