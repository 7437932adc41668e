import { z } from 'zod';
import { Stage } from './domain';

/** The fields of a stored reminder the scheduling rules read. */
export interface ReminderTiming {
  id: string;
  dueAt: number;
  state: 'pending' | 'done' | 'cancelled';
  firedAt: number | null;
}

/** The longest delay a JavaScript timer takes (about 24.8 days). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Pending reminders whose time has come and that have not fired yet, oldest first. */
export function dueReminders<T extends ReminderTiming>(rows: readonly T[], now: number): T[] {
  return rows
    .filter((r) => r.state === 'pending' && r.firedAt === null && r.dueAt <= now)
    .sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id));
}

/** When the one timer should go off next: the soonest unfired pending reminder, or null. */
export function nextFireAt(rows: readonly ReminderTiming[], now: number): number | null {
  let next: number | null = null;
  for (const r of rows) {
    if (r.state !== 'pending' || r.firedAt !== null) continue;
    const at = Math.max(r.dueAt, now);
    if (next === null || at < next) next = at;
  }
  return next;
}

/** The timer delay for a fire time, clamped to what a timer can hold (it re-arms on expiry). */
export function timerDelay(fireAt: number, now: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(0, fireAt - now));
}

export const ReminderView = z.object({
  id: z.string(),
  leadId: z.string(),
  leadName: z.string(),
  phone: z.string().nullable(),
  phoneAsGiven: z.string(),
  stage: Stage,
  /** The last note on the lead (the disposition's, else the lead's). */
  note: z.string(),
  dueAt: z.number(),
  firedAt: z.number().nullable(),
  /** It fell due while the app was closed. */
  missed: z.boolean(),
});
export type ReminderView = z.infer<typeof ReminderView>;
