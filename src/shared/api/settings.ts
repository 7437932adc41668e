import { z } from 'zod';
import { CallingWindow } from '../callingHours';
import { Language, Settings } from '../domain';
import type { Area } from './contract';
import { Empty } from './fields';

/** A time zone this runtime knows: any other makes every later date calculation throw. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const SettingsUpdateInput = z
  .object({
    language: Language.optional(),
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine(isTimeZone, { message: 'time_zone_invalid' })
      .optional(),
    callingWindow: CallingWindow.optional(),
    repeatCallRule: z.boolean().optional(),
  })
  .strict();

export const settingsArea = {
  methods: {
    'settings.get': { input: Empty, output: Settings, role: 'agent', mask: 'phones' },
    'settings.update': {
      input: SettingsUpdateInput,
      output: Settings,
      // Language is the agent's; calling hours and time zone are policy.
      role: 'agent',
      roleFor: (input) => {
        const changes = (input ?? {}) as Record<string, unknown>;
        return changes.callingWindow !== undefined ||
          changes.timeZone !== undefined ||
          changes.repeatCallRule !== undefined
          ? 'admin'
          : null;
      },
      mask: 'phones',
    },
  },
  events: {
    'settings.changed': { payload: Settings, mask: 'phones' },
  },
} as const satisfies Area;
