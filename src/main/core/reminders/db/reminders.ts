import type { ReminderView } from '../../../../shared/reminders';
import type { Db } from '../../db/open';
import { writeTx } from '../../db/writeTx';

/** A lead has one pending callback at most: the old one is closed before a new one goes in. */
export function replacePendingReminder(
  db: Db,
  args: {
    id: string;
    leadId: string;
    dispositionId: string | null;
    dueAt: number | null;
    now: number;
  },
): void {
  // A callback whose time had come was done (the lead was called back); an early one is replaced.
  db.prepare(
    `UPDATE reminders SET state = CASE WHEN due_at <= @now THEN 'done' ELSE 'cancelled' END, updated_at = @now
     WHERE lead_id = @leadId AND state = 'pending'`,
  ).run({ now: args.now, leadId: args.leadId });
  if (args.dueAt === null) return;
  db.prepare(
    `INSERT INTO reminders (id, lead_id, disposition_id, due_at, state, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
  ).run(args.id, args.leadId, args.dispositionId, args.dueAt, args.now, args.now);
}

export function pendingReminderAt(db: Db, leadId: string): number | undefined {
  return db
    .prepare("SELECT due_at FROM reminders WHERE lead_id = ? AND state = 'pending'")
    .pluck()
    .get(leadId) as number | undefined;
}

/*
 * The scheduler reads only reminders that have not fired. Left to itself the planner takes
 * `reminders_due (state, due_at)` and walks past every fired but still pending one (a callback
 * the agent has not made yet) on each save; the partial index holds exactly the unfired ones.
 */
const UNFIRED = 'reminders INDEXED BY reminders_unfired';

/** The soonest pending reminder that has not fired (one index lookup). */
export function nextUnfiredDueAt(db: Db): number | null {
  return (
    (db
      .prepare(`SELECT MIN(due_at) FROM ${UNFIRED} WHERE state = 'pending' AND fired_at IS NULL`)
      .pluck()
      .get() as number | null) ?? null
  );
}

interface ReminderViewRow {
  id: string;
  lead_id: string;
  name: string;
  phone_e164: string | null;
  phone_as_given: string;
  stage: ReminderView['stage'];
  note: string;
  due_at: number;
  fired_at: number | null;
  missed: number;
}

const SELECT_VIEW = `SELECT r.id, r.lead_id, l.name, l.phone_e164, l.phone_as_given, l.stage,
    COALESCE(NULLIF(d.note, ''), l.note) AS note, r.due_at, r.fired_at, r.missed
  FROM reminders r
  JOIN leads l ON l.id = r.lead_id
  LEFT JOIN dispositions d ON d.id = r.disposition_id`;

function toView(r: ReminderViewRow): ReminderView {
  return {
    id: r.id,
    leadId: r.lead_id,
    leadName: r.name,
    phone: r.phone_e164,
    phoneAsGiven: r.phone_as_given,
    stage: r.stage,
    note: r.note,
    dueAt: r.due_at,
    firedAt: r.fired_at,
    missed: r.missed === 1,
  };
}

/**
 * Marks every unfired pending reminder due by `now` as fired, in one transaction, and returns
 * them: a reminder fires once, whatever happens after.
 */
export function takeDueReminders(db: Db, now: number, missed: boolean): ReminderView[] {
  // Nearly every call (each save re-syncs the scheduler) finds nothing due: say so without
  // opening a transaction.
  const anyDue = db
    .prepare(
      `SELECT 1 FROM ${UNFIRED} WHERE state = 'pending' AND fired_at IS NULL AND due_at <= ? LIMIT 1`,
    )
    .get(now);
  if (anyDue === undefined) return [];
  return writeTx(db, () => {
    const ids = db
      .prepare(
        `SELECT id FROM ${UNFIRED} WHERE state = 'pending' AND fired_at IS NULL AND due_at <= ? ORDER BY due_at, id`,
      )
      .pluck()
      .all(now) as string[];
    if (ids.length === 0) return [];
    const mark = db.prepare(
      'UPDATE reminders SET fired_at = ?, missed = ?, updated_at = ? WHERE id = ?',
    );
    for (const id of ids) mark.run(now, missed ? 1 : 0, now, id);
    return remindersByIds(db, ids);
  });
}

export function remindersByIds(db: Db, ids: readonly string[]): ReminderView[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(
      `${SELECT_VIEW} WHERE r.id IN (${ids.map(() => '?').join(',')}) ORDER BY r.due_at, r.id`,
    )
    .all(...ids) as ReminderViewRow[];
  return rows.map(toView);
}

/** Pending callbacks due before `until` (overdue ones included), soonest first. */
export function pendingReminders(db: Db, until: number, limit: number): ReminderView[] {
  return (
    db
      .prepare(
        `${SELECT_VIEW} WHERE r.state = 'pending' AND r.due_at < ? ORDER BY r.due_at, r.id LIMIT ?`,
      )
      .all(until, limit) as ReminderViewRow[]
  ).map(toView);
}

export function countPendingBefore(db: Db, at: number): number {
  return db
    .prepare("SELECT COUNT(*) FROM reminders WHERE state = 'pending' AND due_at <= ?")
    .pluck()
    .get(at) as number;
}

/** Missed while the app was closed and not yet seen by the agent. */
export function unacknowledgedMissed(db: Db): ReminderView[] {
  return (
    db
      .prepare(
        `${SELECT_VIEW} WHERE r.state = 'pending' AND r.missed = 1 AND r.acknowledged_at IS NULL ORDER BY r.due_at, r.id`,
      )
      .all() as ReminderViewRow[]
  ).map(toView);
}

/** Fired while the app ran, still pending, and not acted on: the banners still to show. */
export function unacknowledgedFired(db: Db): ReminderView[] {
  return (
    db
      .prepare(
        `${SELECT_VIEW} WHERE r.state = 'pending' AND r.fired_at IS NOT NULL AND r.missed = 0
           AND r.acknowledged_at IS NULL ORDER BY r.due_at, r.id`,
      )
      .all() as ReminderViewRow[]
  ).map(toView);
}

/** Any fired reminder, missed or not; one that has not fired (or was snoozed) is left alone. */
export function acknowledgeFired(db: Db, ids: readonly string[], now: number): void {
  const ack = db.prepare(
    'UPDATE reminders SET acknowledged_at = ? WHERE id = ? AND fired_at IS NOT NULL AND acknowledged_at IS NULL',
  );
  writeTx(db, () => ids.forEach((id) => ack.run(now, id)));
}

export function acknowledgeMissed(db: Db, ids: readonly string[], now: number): void {
  const ack = db.prepare('UPDATE reminders SET acknowledged_at = ? WHERE id = ? AND missed = 1');
  writeTx(db, () => ids.forEach((id) => ack.run(now, id)));
}

export interface PendingReminder {
  id: string;
  leadId: string;
  dueAt: number;
}

export function getPendingReminder(db: Db, id: string): PendingReminder | undefined {
  return db
    .prepare(
      "SELECT id, lead_id AS leadId, due_at AS dueAt FROM reminders WHERE id = ? AND state = 'pending'",
    )
    .get(id) as PendingReminder | undefined;
}

/** Snooze: a new time, to fire again, and the lead's next action follows. */
export function moveReminder(db: Db, r: PendingReminder, dueAt: number, now: number): void {
  writeTx(db, () => {
    db.prepare(
      'UPDATE reminders SET due_at = ?, fired_at = NULL, missed = 0, acknowledged_at = NULL, updated_at = ? WHERE id = ?',
    ).run(dueAt, now, r.id);
    db.prepare(
      "UPDATE leads SET next_action = 'callback', next_action_at = ?, updated_at = ? WHERE id = ?",
    ).run(dueAt, now, r.leadId);
  });
}

/** The lead was called back: its callback, once due, is done. */
export function completeDueReminder(db: Db, leadId: string, now: number): void {
  db.prepare(
    "UPDATE reminders SET state = 'done', updated_at = ? WHERE lead_id = ? AND state = 'pending' AND due_at <= ?",
  ).run(now, leadId, now);
}
