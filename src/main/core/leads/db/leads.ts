import type { Lead, NewLead, Stage, StageCounts } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../db/open';

export interface LeadRow {
  id: string;
  name: string;
  phone_e164: string | null;
  phone_as_given: string;
  source: string;
  note: string;
  stage: Stage;
  next_action: Lead['nextAction'];
  next_action_at: number | null;
  customer_status: string | null;
  received_at: number;
  created_at: number;
  updated_at: number;
  phone2_e164: string | null;
  gender: Lead['gender'];
  birth_year: number | null;
  province: string;
  district: string;
  address: string;
  do_not_call: number;
  phone_wrong: number;
  last_outcome: string | null;
}

export function toLead(r: LeadRow): Lead {
  return {
    id: r.id,
    name: r.name,
    phone: r.phone_e164,
    phoneAsGiven: r.phone_as_given,
    source: r.source,
    note: r.note,
    stage: r.stage,
    nextAction: r.next_action,
    nextActionAt: r.next_action_at,
    customerStatus: r.customer_status,
    receivedAt: r.received_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    phone2: r.phone2_e164,
    gender: r.gender,
    birthYear: r.birth_year,
    province: r.province,
    district: r.district,
    address: r.address,
    doNotCall: r.do_not_call === 1,
    phoneWrong: r.phone_wrong === 1,
    lastOutcome: r.last_outcome,
  };
}

export function insertLead(db: Db, lead: NewLead): void {
  db.prepare(
    `INSERT INTO leads (id, name, phone_e164, phone_as_given, source, note, stage, next_action,
       next_action_at, customer_status, received_at, created_at, updated_at)
     VALUES (@id, @name, @phone, @phoneAsGiven, @source, @note, @stage, @nextAction,
       @nextActionAt, @customerStatus, @receivedAt, @createdAt, @updatedAt)`,
  ).run(lead);
}

export function getLead(db: Db, id: string): Lead | undefined {
  const row = db.prepare('SELECT * FROM leads WHERE id = ?').get(id) as LeadRow | undefined;
  return row && toLead(row);
}

export function findLeadIdByPhone(db: Db, e164: string): string | undefined {
  const row = db.prepare('SELECT id FROM leads WHERE phone_e164 = ?').get(e164) as
    { id: string } | undefined;
  return row?.id;
}

export function stageCounts(db: Db): StageCounts {
  const counts: StageCounts = { new: 0, contact: 0, order: 0 };
  for (const r of db.prepare('SELECT stage, n FROM stage_counts').all() as {
    stage: Stage;
    n: number;
  }[]) {
    counts[r.stage] = r.n;
  }
  return counts;
}

/*
 * The queue order is: overdue callbacks (oldest first), then "call now" (newest lead first),
 * then upcoming callbacks (soonest first), then leads with nothing to do (latest change first).
 * Each segment is one range of an index, read with a keyset cursor, so a page costs the same
 * on page 1 and page 1000, and on a thousand leads or a million.
 */
interface Segment {
  where: string;
  key: 'next_action_at' | 'received_at' | 'updated_at';
  desc: boolean;
  /** 'lte'/'gt' split callbacks at now. */
  split?: 'lte' | 'gt';
}

export const segments: readonly Segment[] = [
  { where: "next_action = 'callback'", key: 'next_action_at', desc: false, split: 'lte' },
  { where: "next_action = 'call_now'", key: 'received_at', desc: true },
  { where: "next_action = 'callback'", key: 'next_action_at', desc: false, split: 'gt' },
  { where: "next_action = 'none'", key: 'updated_at', desc: true },
];

interface Cursor {
  segment: number;
  key: number;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return `${c.segment}.${c.key}.${c.id}`;
}

function decodeCursor(text: string): Cursor {
  const m = /^([0-3])\.(\d{1,16})\.([0-9a-f-]{36})$/.exec(text);
  if (!m) {
    throw new AppError('invalid_input', 'The queue position (cursor) is not one this app made.', {
      fields: [{ path: 'cursor', key: 'cursor_invalid' }],
    });
  }
  return { segment: Number(m[1]), key: Number(m[2]), id: m[3]! };
}

const statementCache = new WeakMap<Db, Map<string, ReturnType<Db['prepare']>>>();

function prepared(db: Db, sql: string): ReturnType<Db['prepare']> {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

export interface QueueFilter {
  customerStatus?: string | null;
  source?: string | null;
}

export function segmentSql(seg: Segment, withCursor: boolean, filter: QueueFilter = {}): string {
  const dir = seg.desc ? 'DESC' : 'ASC';
  const cmp = seg.desc ? '<' : '>';
  const parts = [`stage = @stage`, seg.where];
  if (seg.split === 'lte') parts.push(`${seg.key} <= @now`);
  if (seg.split === 'gt') parts.push(`${seg.key} > @now`);
  if (filter.customerStatus === '') parts.push('customer_status IS NULL');
  else if (filter.customerStatus) parts.push('customer_status = @customerStatus');
  if (filter.source) parts.push('source = @source');
  if (withCursor) parts.push(`(${seg.key}, id) ${cmp} (@key, @id)`);
  return `SELECT * FROM leads WHERE ${parts.join(' AND ')} ORDER BY ${seg.key} ${dir}, id ${dir} LIMIT @limit`;
}

export interface QueuePageArgs extends QueueFilter {
  stage: Stage;
  now: number;
  limit: number;
  cursor: string | null;
  hideNoAction?: boolean;
}

export function queuePage(
  db: Db,
  args: QueuePageArgs,
): { items: Lead[]; nextCursor: string | null } {
  const start = args.cursor ? decodeCursor(args.cursor) : null;
  const rows: LeadRow[] = [];
  // One row more than asked tells whether there is a next page.
  const want = args.limit + 1;
  const lastSegment = args.hideNoAction ? segments.length - 1 : segments.length;
  for (let s = start?.segment ?? 0; s < lastSegment && rows.length < want; s++) {
    const seg = segments[s]!;
    const fromCursor = start !== null && s === start.segment;
    const sql = segmentSql(seg, fromCursor, args);
    const params: Record<string, unknown> = {
      stage: args.stage,
      now: args.now,
      limit: want - rows.length,
      customerStatus: args.customerStatus ?? null,
      source: args.source ?? null,
    };
    if (fromCursor) Object.assign(params, { key: start.key, id: start.id });
    const found = prepared(db, sql).all(params) as LeadRow[];
    for (const r of found) rows.push(r);
  }
  const hasMore = rows.length > args.limit;
  const page = rows.slice(0, args.limit);
  let nextCursor: string | null = null;
  if (hasMore) {
    const last = page[page.length - 1]!;
    const segment = segmentOf(last, args.now);
    nextCursor = encodeCursor({ segment, key: last[segments[segment]!.key] ?? 0, id: last.id });
  }
  return { items: page.map(toLead), nextCursor };
}

function segmentOf(r: LeadRow, now: number): number {
  if (r.next_action === 'callback') return (r.next_action_at ?? 0) <= now ? 0 : 2;
  return r.next_action === 'call_now' ? 1 : 3;
}
