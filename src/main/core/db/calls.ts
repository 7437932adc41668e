import type { Db } from './open';

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
       talk_seconds, sip_call_id, end_cause)
     VALUES (@id, @leadId, @direction, @via, @number, @accountId, @startedAt, @answeredAt, @endedAt,
       @talkSeconds, @sipCallId, @endCause)`,
  ).run(c);
}

export function callExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM calls WHERE id = ?').get(id) !== undefined;
}
