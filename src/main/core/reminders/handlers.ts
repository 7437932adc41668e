import type { AreaHandlers } from '../../../shared/api';
import type { remindersArea } from '../../../shared/api/reminders';
import type { Clock } from '../infra/clock';
import type { Db } from '../db/open';
import type { CoreEventListener } from '../plumbing/core';
import { readSettings } from '../settings/db/settings';
import {
  acknowledgeFired,
  acknowledgeMissed,
  unacknowledgedFired,
  unacknowledgedMissed,
} from './db/reminders';
import { snoozeReminder, todaysReminders } from './reminderViews';

export function createRemindersHandlers(ctx: {
  db: Db;
  clock: Clock;
  emit: CoreEventListener;
  /** Tells the reminder scheduler that callbacks changed. */
  rearm(): void;
}): AreaHandlers<typeof remindersArea> {
  const { db, clock } = ctx;
  return {
    'reminders.list': () => todaysReminders(db, clock.now(), readSettings(db).timeZone),
    'reminders.missed': () => unacknowledgedMissed(db),
    'reminders.ackMissed': ({ ids }) => {
      acknowledgeMissed(db, ids, clock.now());
      return {};
    },
    'reminders.active': () => unacknowledgedFired(db),
    'reminders.acknowledge': ({ ids }) => {
      acknowledgeFired(db, ids, clock.now());
      return {};
    },
    'reminders.snooze': ({ id, minutes }) => {
      const view = snoozeReminder(db, id, minutes, clock.now());
      ctx.rearm();
      ctx.emit('leads.changed', { ids: [view.leadId] });
      return view;
    },
  };
}
