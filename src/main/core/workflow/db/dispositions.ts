import type { Stage } from '../../../../shared/domain';
import type { Db } from '../../db/open';
import { THIS_AGENT } from '../../sync/db/agents';

export interface DispositionRow {
  id: string;
  leadId: string;
  callId: string | null;
  statusCode: string;
  note: string;
  callbackAt: number | null;
  consentOutsideHours: boolean;
  stageBefore: Stage;
  stageAfter: Stage;
  createdAt: number;
}

export function insertDisposition(db: Db, d: DispositionRow): void {
  db.prepare(
    `INSERT INTO dispositions (id, lead_id, call_id, status_code, note, callback_at, consent_outside_hours,
       stage_before, stage_after, created_at, agent_id)
     VALUES (@id, @leadId, @callId, @statusCode, @note, @callbackAt, @consent, @stageBefore, @stageAfter,
       @createdAt, ${THIS_AGENT})`,
  ).run({ ...d, consent: d.consentOutsideHours ? 1 : 0 });
}
