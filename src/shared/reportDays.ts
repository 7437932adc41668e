import { localTime, zonedInstant } from './time';

export interface ReportDay {
  /** `yyyy-MM-dd` in the zone. */
  day: string;
  start: number;
  end: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The calendar days of [from, to) in a time zone, each as the part of the range it covers
 * (the first and last may be partial). Days are cut at local midnights, so a day across a
 * daylight-saving change is 23 or 25 hours.
 */
export function reportDays(from: number, to: number, timeZone: string): ReportDay[] {
  const days: ReportDay[] = [];
  let l = localTime(from, timeZone);
  let start = from;
  while (start < to) {
    const nextMidnight = zonedInstant(l.year, l.month, l.day + 1, 0, timeZone);
    const end = Math.min(to, nextMidnight);
    days.push({ day: `${l.year}-${pad(l.month)}-${pad(l.day)}`, start, end });
    start = end;
    l = localTime(start, timeZone);
  }
  return days;
}

/** Local midnight of the day an instant falls on. */
export function startOfLocalDay(ms: number, timeZone: string): number {
  const l = localTime(ms, timeZone);
  return zonedInstant(l.year, l.month, l.day, 0, timeZone);
}
