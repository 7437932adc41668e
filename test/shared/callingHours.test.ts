import { describe, expect, it } from 'vitest';
import {
  CallingWindow,
  defaultCallingWindow,
  nextCallableTime,
  withinCallingHours,
} from '../../src/shared/callingHours';
import { localTime, quickCallbackTimes, zonedInstant } from '../../src/shared/time';

const VN = 'Asia/Ho_Chi_Minh';
const local = (d: number, h: number, m = 0) => Date.UTC(2026, 10, d, h - 7, m); // Vietnam is UTC+7

describe('calling hours', () => {
  it('is 08:00–17:00 every day by default, end exclusive', () => {
    expect(withinCallingHours(local(23, 8), defaultCallingWindow, VN)).toBe(true);
    expect(withinCallingHours(local(23, 16, 59), defaultCallingWindow, VN)).toBe(true);
    expect(withinCallingHours(local(23, 17), defaultCallingWindow, VN)).toBe(false);
    expect(withinCallingHours(local(23, 7, 59), defaultCallingWindow, VN)).toBe(false);
  });

  it('finds the next opening, skipping days with no window', () => {
    const noSunday: CallingWindow = defaultCallingWindow.map((w, day) => (day === 0 ? null : w));
    // Saturday 28/11 18:00 → Monday 30/11 08:00 when Sunday is off.
    expect(nextCallableTime(local(28, 18), noSunday, VN)).toBe(local(30, 8));
    expect(nextCallableTime(local(28, 18), defaultCallingWindow, VN)).toBe(local(29, 8));
    expect(nextCallableTime(local(28, 6), defaultCallingWindow, VN)).toBe(local(28, 8));
    expect(nextCallableTime(local(28, 10), defaultCallingWindow, VN)).toBe(local(28, 10));
  });

  it('validates windows', () => {
    expect(CallingWindow.safeParse(defaultCallingWindow).success).toBe(true);
    expect(CallingWindow.safeParse(defaultCallingWindow.slice(1)).success).toBe(false);
    expect(
      CallingWindow.safeParse([...defaultCallingWindow.slice(1), { start: '17:00', end: '08:00' }])
        .success,
    ).toBe(false);
  });
});

describe('zoned times', () => {
  it('reads and builds wall-clock times in a zone', () => {
    expect(localTime(local(23, 9, 30), VN)).toEqual({
      year: 2026,
      month: 11,
      day: 23,
      weekday: 1,
      minutes: 570,
    });
    expect(zonedInstant(2026, 11, 23, 570, VN)).toBe(local(23, 9, 30));
    expect(zonedInstant(2026, 11, 31, 60, VN)).toBe(local(31, 1)); // day overflow → 1 December
    // Across a daylight-saving change: 10:00 in Paris is 09:00 UTC in winter, 08:00 UTC in summer.
    expect(zonedInstant(2026, 1, 15, 600, 'Europe/Paris')).toBe(Date.UTC(2026, 0, 15, 9));
    expect(zonedInstant(2026, 7, 15, 600, 'Europe/Paris')).toBe(Date.UTC(2026, 6, 15, 8));
  });

  it('offers the quick callback choices of the panel', () => {
    const q = quickCallbackTimes(local(23, 9), VN);
    expect(q.inOneHour).toBe(local(23, 10));
    expect(q.inTwoHours).toBe(local(23, 11));
    expect(q.thisEvening).toBe(local(23, 19));
    expect(q.tomorrowMorning).toBe(local(24, 9));
    expect(quickCallbackTimes(local(23, 20), VN).thisEvening).toBe(local(24, 19));
  });
});
