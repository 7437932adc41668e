import { z } from 'zod';
import { ReminderView } from '../reminders';
import type { Area } from './contract';
import { Empty, Id } from './fields';

const Ids = z.object({ ids: z.array(Id).max(1000) }).strict();

/** Callbacks: today's list, the banners of those due, and what the app missed while closed. */
export const remindersArea = {
  methods: {
    'reminders.list': {
      input: Empty,
      output: z.object({ items: z.array(ReminderView), overdue: z.number(), today: z.number() }),
      role: 'agent',
      mask: 'text',
    },
    'reminders.missed': {
      input: Empty,
      output: z.array(ReminderView),
      role: 'agent',
      mask: 'text',
    },
    'reminders.ackMissed': { input: Ids, output: z.object({}), role: 'agent', mask: 'text' },
    /**
     * Fired while the app ran and not yet acted on: the banners a window shows when it connects,
     * since `reminder.due` reached only the windows connected at the time.
     */
    'reminders.active': {
      input: Empty,
      output: z.array(ReminderView),
      role: 'agent',
      mask: 'text',
    },
    /** The agent acted on these banners (called, opened): a window connecting later skips them. */
    'reminders.acknowledge': { input: Ids, output: z.object({}), role: 'agent', mask: 'text' },
    'reminders.snooze': {
      input: z
        .object({
          id: Id,
          minutes: z
            .number()
            .int()
            .min(1)
            .max(24 * 60),
        })
        .strict(),
      output: ReminderView,
      role: 'agent',
      mask: 'text',
    },
  },
  events: {
    /** A callback's time has come: the banner shows, the lead rises to the top. */
    'reminder.due': { payload: ReminderView, mask: 'text' },
    /** The agent clicked a reminder's OS notification: open that lead. */
    'reminder.open': { payload: z.object({ leadId: z.string() }), mask: 'text' },
  },
} as const satisfies Area;
