import type { Db } from './open';

/** A lead has one pending callback at most: the old one is cancelled before a new one goes in. */
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
  db.prepare(
    "UPDATE reminders SET state = 'cancelled', updated_at = ? WHERE lead_id = ? AND state = 'pending'",
  ).run(args.now, args.leadId);
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
