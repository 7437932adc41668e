import type { ReminderView } from '../../../shared/reminders';
import { AppError } from '../../../shared/errors';
import { localTime, zonedInstant } from '../../../shared/time';
import {
  countPendingBefore,
  getPendingReminder,
  moveReminder,
  pendingReminders,
  remindersByIds,
} from './db/reminders';
import type { Db } from '../db/open';

const MINUTE = 60_000;
const LIST_LIMIT = 500;

/** Today's and overdue callbacks in time order, with the counts for the title bar. */
export function todaysReminders(db: Db, now: number, timeZone: string) {
  const l = localTime(now, timeZone);
  const endOfDay = zonedInstant(l.year, l.month, l.day + 1, 0, timeZone);
  return {
    items: pendingReminders(db, endOfDay, LIST_LIMIT),
    overdue: countPendingBefore(db, now),
    today: countPendingBefore(db, endOfDay - 1),
  };
}

export function snoozeReminder(db: Db, id: string, minutes: number, now: number): ReminderView {
  const r = getPendingReminder(db, id);
  if (!r) throw new AppError('not_found', 'No pending reminder with this id.');
  moveReminder(db, r, now + minutes * MINUTE, now);
  return remindersByIds(db, [id])[0]!;
}
