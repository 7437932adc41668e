import { z } from 'zod';
import { localTime, parseClock, zonedInstant } from './time';

/**
 * When agents may call (Decree 91/2020/NĐ-CP limits advertising calls to 08:00–17:00 unless the
 * customer agreed otherwise). One window per weekday, 0 = Sunday; null = no calls that day.
 */
const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time_invalid' });
export const DayWindow = z
  .object({ start: Clock, end: Clock })
  .refine((w) => parseClock(w.start) < parseClock(w.end), { message: 'window_empty' });
export const CallingWindow = z.array(DayWindow.nullable()).length(7);
export type CallingWindow = z.infer<typeof CallingWindow>;

export const defaultCallingWindow: CallingWindow = Array.from({ length: 7 }, () => ({
  start: '08:00',
  end: '17:00',
}));

export function withinCallingHours(at: number, window: CallingWindow, timeZone: string): boolean {
  const l = localTime(at, timeZone);
  const day = window[l.weekday];
  return !!day && l.minutes >= parseClock(day.start) && l.minutes < parseClock(day.end);
}

/** `at` itself when callable, else the next opening of the window (at most a week ahead). */
export function nextCallableTime(at: number, window: CallingWindow, timeZone: string): number {
  if (withinCallingHours(at, window, timeZone)) return at;
  const l = localTime(at, timeZone);
  for (let d = 0; d <= 7; d++) {
    const day = window[(l.weekday + d) % 7];
    if (!day) continue;
    const opening = zonedInstant(l.year, l.month, l.day + d, parseClock(day.start), timeZone);
    if (opening > at) return opening;
  }
  return at; // no window on any day: the admin switched calling hours off
}
