import type { OrderState } from '../../../../shared/orders';
import type { TimelineItem } from '../../../../shared/timeline';
import { callQualityOf, type CallQualityColumns } from '../../calls/db/calls';
import type { Db } from '../../db/open';

const LIMIT = 200;

/** The latest 200 events of a lead, newest first; each source table is read by its lead index. */
export function leadTimeline(db: Db, leadId: string): TimelineItem[] {
  const items: TimelineItem[] = [];
  const lead = db.prepare('SELECT id, created_at, source FROM leads WHERE id = ?').get(leadId) as
    { id: string; created_at: number; source: string } | undefined;
  if (!lead) return items;
  items.push({ kind: 'created', id: lead.id, at: lead.created_at, source: lead.source });

  for (const r of db
    .prepare(
      `SELECT id, started_at, direction, via, talk_seconds, end_cause, rtt_ms, jitter_ms,
         packet_loss_pct, codec
       FROM calls WHERE lead_id = ? ORDER BY started_at DESC LIMIT ?`,
    )
    .all(leadId, LIMIT) as (CallQualityColumns & {
    id: string;
    started_at: number;
    direction: 'outbound' | 'inbound';
    via: 'softphone' | 'manual';
    talk_seconds: number;
    end_cause: string | null;
  })[]) {
    items.push({
      kind: 'call',
      id: r.id,
      at: r.started_at,
      direction: r.direction,
      via: r.via,
      talkSeconds: r.talk_seconds,
      endCause: r.end_cause,
      quality: callQualityOf(r),
    });
  }
  for (const r of db
    .prepare(
      'SELECT id, created_at, status_code, note, callback_at FROM dispositions WHERE lead_id = ? ORDER BY created_at DESC LIMIT ?',
    )
    .all(leadId, LIMIT) as {
    id: string;
    created_at: number;
    status_code: string;
    note: string;
    callback_at: number | null;
  }[]) {
    items.push({
      kind: 'disposition',
      id: r.id,
      at: r.created_at,
      statusCode: r.status_code,
      note: r.note,
      callbackAt: r.callback_at,
    });
  }
  for (const r of db
    .prepare(
      'SELECT id, created_at, text FROM lead_notes WHERE lead_id = ? ORDER BY created_at DESC LIMIT ?',
    )
    .all(leadId, LIMIT) as { id: string; created_at: number; text: string }[]) {
    items.push({ kind: 'note', id: r.id, at: r.created_at, text: r.text });
  }
  for (const r of db
    .prepare(
      'SELECT id, at, from_code, to_code, by FROM customer_status_changes WHERE lead_id = ? ORDER BY at DESC LIMIT ?',
    )
    .all(leadId, LIMIT) as {
    id: string;
    at: number;
    from_code: string | null;
    to_code: string | null;
    by: 'agent' | 'outcome';
  }[]) {
    items.push({
      kind: 'status_change',
      id: r.id,
      at: r.at,
      from: r.from_code,
      to: r.to_code,
      by: r.by,
    });
  }
  for (const r of db
    .prepare(
      'SELECT id, created_at, total, payment, state FROM orders WHERE lead_id = ? ORDER BY created_at DESC LIMIT ?',
    )
    .all(leadId, LIMIT) as {
    id: string;
    created_at: number;
    total: number;
    payment: 'pending' | 'paid';
    state: OrderState;
  }[]) {
    items.push({
      kind: 'order',
      id: r.id,
      at: r.created_at,
      total: r.total,
      payment: r.payment,
      state: r.state,
    });
  }
  // Stable newest-first order; on equal times the later kind in a save (order after disposition) comes first.
  const rank: Record<TimelineItem['kind'], number> = {
    order: 0,
    status_change: 1,
    disposition: 2,
    note: 3,
    call: 4,
    created: 5,
  };
  return items.sort((a, b) => b.at - a.at || rank[a.kind] - rank[b.kind]).slice(0, LIMIT);
}
