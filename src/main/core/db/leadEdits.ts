import type { Lead, NextAction, Stage } from '../../../shared/domain';
import type { Db } from './open';
import { THIS_AGENT } from './agents';

export interface LeadWorkflowUpdate {
  id: string;
  stage: Stage;
  nextAction: NextAction;
  nextActionAt: number | null;
  customerStatus: string | null;
  phoneWrong: boolean;
  lastOutcome: string;
  updatedAt: number;
}

export function applyWorkflowUpdate(db: Db, u: LeadWorkflowUpdate): void {
  db.prepare(
    `UPDATE leads SET stage = @stage, next_action = @nextAction, next_action_at = @nextActionAt,
       customer_status = @customerStatus, phone_wrong = MAX(phone_wrong, @phoneWrong),
       last_outcome = @lastOutcome, updated_at = @updatedAt
     WHERE id = @id`,
  ).run({ ...u, phoneWrong: u.phoneWrong ? 1 : 0 });
}

export type ContactUpdate = Partial<
  Pick<
    Lead,
    'name' | 'note' | 'gender' | 'birthYear' | 'province' | 'district' | 'address' | 'doNotCall'
  >
> & { phone2?: { e164: string | null; asGiven: string } };

const columns: Record<string, string> = {
  name: 'name',
  note: 'note',
  gender: 'gender',
  birthYear: 'birth_year',
  province: 'province',
  district: 'district',
  address: 'address',
  doNotCall: 'do_not_call',
};

/** Writes only the fields given. */
export function updateContact(db: Db, id: string, changes: ContactUpdate, now: number): void {
  const sets: string[] = ['updated_at = @now'];
  const params: Record<string, unknown> = { id, now };
  for (const [key, column] of Object.entries(columns)) {
    const value = changes[key as keyof ContactUpdate];
    if (value === undefined) continue;
    sets.push(`${column} = @${key}`);
    params[key] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  if (changes.phone2) {
    sets.push('phone2_e164 = @phone2', 'phone2_as_given = @phone2AsGiven');
    params.phone2 = changes.phone2.e164;
    params.phone2AsGiven = changes.phone2.asGiven;
  }
  db.prepare(`UPDATE leads SET ${sets.join(', ')} WHERE id = @id`).run(params);
}

export function setCustomerStatus(db: Db, id: string, code: string | null, now: number): void {
  db.prepare('UPDATE leads SET customer_status = ?, updated_at = ? WHERE id = ?').run(
    code,
    now,
    id,
  );
}

export function insertCustomerStatusChange(
  db: Db,
  c: {
    id: string;
    leadId: string;
    from: string | null;
    to: string | null;
    by: 'agent' | 'outcome';
    at: number;
  },
): void {
  db.prepare(
    `INSERT INTO customer_status_changes (id, lead_id, from_code, to_code, by, at, agent_id)
     VALUES (?, ?, ?, ?, ?, ?, ${THIS_AGENT})`,
  ).run(c.id, c.leadId, c.from, c.to, c.by, c.at);
}

export function insertNote(
  db: Db,
  n: { id: string; leadId: string; text: string; at: number },
): void {
  db.prepare(
    `INSERT INTO lead_notes (id, lead_id, text, created_at, agent_id) VALUES (?, ?, ?, ?, ${THIS_AGENT})`,
  ).run(n.id, n.leadId, n.text, n.at);
}
