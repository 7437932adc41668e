import type { Lead, NextAction, Stage } from '../../../../shared/domain';
import type { Db } from '../../db/open';
import { THIS_AGENT } from '../../sync/db/agents';

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

/**
 * Writes a saved outcome (and the customer form of a convert) onto the lead in one statement.
 * `before` is the lead as read in the same transaction: only columns whose value changes are
 * written, because SQLite rewrites a row's entry in every index that has a written column.
 */
export function applyWorkflowUpdate(
  db: Db,
  before: Lead,
  u: LeadWorkflowUpdate,
  contact?: ContactUpdate,
): void {
  const values = contact ? contactColumns(contact) : {};
  if (u.stage !== before.stage) values.stage = u.stage;
  if (u.nextAction !== before.nextAction) values.next_action = u.nextAction;
  if (u.nextActionAt !== before.nextActionAt) values.next_action_at = u.nextActionAt;
  if (u.customerStatus !== before.customerStatus) values.customer_status = u.customerStatus;
  if (u.phoneWrong && !before.phoneWrong) values.phone_wrong = 1;
  values.last_outcome = u.lastOutcome;
  values.updated_at = u.updatedAt;
  writeLeadColumns(db, u.id, values);
}

export type ContactUpdate = Partial<
  Pick<
    Lead,
    'name' | 'note' | 'gender' | 'birthYear' | 'province' | 'district' | 'address' | 'doNotCall'
  >
> & { phone2?: { e164: string | null; asGiven: string } };

const contactColumnNames: Record<string, string> = {
  name: 'name',
  note: 'note',
  gender: 'gender',
  birthYear: 'birth_year',
  province: 'province',
  district: 'district',
  address: 'address',
  doNotCall: 'do_not_call',
};

function contactColumns(changes: ContactUpdate): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(contactColumnNames)) {
    const value = changes[key as keyof ContactUpdate];
    if (value === undefined) continue;
    values[column] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  if (changes.phone2) {
    values.phone2_e164 = changes.phone2.e164;
    values.phone2_as_given = changes.phone2.asGiven;
  }
  return values;
}

/** Writes only the fields given. */
export function updateContact(db: Db, id: string, changes: ContactUpdate, now: number): void {
  writeLeadColumns(db, id, { ...contactColumns(changes), updated_at: now });
}

/** Column names come from this file only, never from input. */
function writeLeadColumns(db: Db, id: string, values: Record<string, unknown>): void {
  const sets = Object.keys(values).map((c) => `${c} = @${c}`);
  db.prepare(`UPDATE leads SET ${sets.join(', ')} WHERE id = @id`).run({ ...values, id });
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
