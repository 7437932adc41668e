import type { Call, CallQuality } from '../../../../shared/softphone';
import type { Db } from '../../db/open';
import { THIS_AGENT } from '../../sync/db/agents';

export interface CallRow {
  id: string;
  leadId: string | null;
  direction: 'outbound' | 'inbound';
  via: 'softphone' | 'manual';
  number: string;
  accountId: string | null;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  talkSeconds: number;
  sipCallId: string | null;
  endCause: string | null;
}

export function insertCall(db: Db, c: CallRow): void {
  db.prepare(
    `INSERT INTO calls (id, lead_id, direction, via, number, account_id, started_at, answered_at, ended_at,
       talk_seconds, sip_call_id, end_cause, agent_id)
     VALUES (@id, @leadId, @direction, @via, @number, @accountId, @startedAt, @answeredAt, @endedAt,
       @talkSeconds, @sipCallId, @endCause, ${THIS_AGENT})`,
  ).run(c);
}

export function callExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM calls WHERE id = ?').get(id) !== undefined;
}

interface CallDbRow {
  id: string;
  lead_id: string | null;
  direction: 'outbound' | 'inbound';
  via: 'softphone' | 'manual';
  number: string;
  account_id: string | null;
  started_at: number;
  answered_at: number | null;
  ended_at: number | null;
  talk_seconds: number;
  sip_call_id: string | null;
  end_cause: string | null;
  rtt_ms: number | null;
  jitter_ms: number | null;
  packet_loss_pct: number | null;
  codec: string | null;
}

export type CallQualityColumns = Pick<
  CallDbRow,
  'rtt_ms' | 'jitter_ms' | 'packet_loss_pct' | 'codec'
>;

/** The getStats sample kept with a call, or null when the call was never measured. */
export function callQualityOf(r: CallQualityColumns): CallQuality | null {
  const measured =
    r.rtt_ms !== null || r.jitter_ms !== null || r.packet_loss_pct !== null || r.codec !== null;
  return measured
    ? { rttMs: r.rtt_ms, jitterMs: r.jitter_ms, packetLossPct: r.packet_loss_pct, codec: r.codec }
    : null;
}

export function getCall(db: Db, id: string): Call | undefined {
  const r = db.prepare('SELECT * FROM calls WHERE id = ?').get(id) as CallDbRow | undefined;
  if (!r) return undefined;
  return {
    id: r.id,
    leadId: r.lead_id,
    direction: r.direction,
    via: r.via,
    number: r.number,
    accountId: r.account_id,
    startedAt: r.started_at,
    answeredAt: r.answered_at,
    endedAt: r.ended_at,
    talkSeconds: r.talk_seconds,
    sipCallId: r.sip_call_id,
    endCause: r.end_cause,
    quality: callQualityOf(r),
  };
}

const wholeMs = (ms: number | null | undefined) => (ms == null ? null : Math.round(ms));

export function updateCall(db: Db, c: Call): void {
  db.prepare(
    `UPDATE calls SET lead_id = @leadId, answered_at = @answeredAt, ended_at = @endedAt, talk_seconds = @talkSeconds,
       sip_call_id = @sipCallId, end_cause = @endCause, rtt_ms = @rtt, jitter_ms = @jitter,
       packet_loss_pct = @loss, codec = @codec
     WHERE id = @id`,
  ).run({
    ...c,
    // getStats reports fractions of a millisecond; the columns keep whole ones.
    rtt: wholeMs(c.quality?.rttMs),
    jitter: wholeMs(c.quality?.jitterMs),
    loss: c.quality?.packetLossPct ?? null,
    codec: c.quality?.codec ?? null,
  });
}
