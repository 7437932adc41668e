export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(epochMs: number, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(epochMs))) out[p.type] = p.value;
  return out;
}

/** `HH:mm dd/MM`, the way the queue shows callback times. */
export function formatShortDateTime(epochMs: number, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(epochMs, timeZone);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}`;
}

/** `dd/MM/yyyy HH:mm`, for received times and exports. */
export function formatDateTime(epochMs: number, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(epochMs, timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const weekdays: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const weekdayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date and time of an instant in a time zone. */
export function localTime(epochMs: number, timeZone = DEFAULT_TIME_ZONE): LocalTime {
  const p = parts(epochMs, timeZone);
  let wf = weekdayFormatters.get(timeZone);
  if (!wf) {
    wf = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' });
    weekdayFormatters.set(timeZone, wf);
  }
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    weekday: weekdays[wf.format(new Date(epochMs))] ?? 0,
    minutes: Number(p.hour) * 60 + Number(p.minute),
  };
}

/** The instant at which the wall clock in `timeZone` shows this date and time. */
export function zonedInstant(
  year: number,
  month: number,
  day: number,
  minutes: number,
  timeZone = DEFAULT_TIME_ZONE,
): number {
  const asUtc = Date.UTC(year, month - 1, day, 0, minutes);
  // The zone's offset at that moment; a second pass settles daylight-saving edges.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const l = localTime(guess, timeZone);
    const shown = Date.UTC(l.year, l.month - 1, l.day, 0, l.minutes);
    guess += asUtc - shown;
  }
  return guess;
}

/** `HH:mm` → minutes since midnight. */
export function parseClock(text: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a HH:mm time: ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Quick callback choices of the disposition panel, in local time. */
export function quickCallbackTimes(now: number, timeZone = DEFAULT_TIME_ZONE) {
  const l = localTime(now, timeZone);
  const today = (minutes: number) => zonedInstant(l.year, l.month, l.day, minutes, timeZone);
  const tomorrow = (minutes: number) => zonedInstant(l.year, l.month, l.day + 1, minutes, timeZone);
  const evening = today(19 * 60);
  return {
    inOneHour: now + HOUR_MS,
    inTwoHours: now + 2 * HOUR_MS,
    thisEvening: evening > now ? evening : tomorrow(19 * 60),
    tomorrowMorning: tomorrow(9 * 60),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:mm` in the zone, for an `<input type="datetime-local">`. */
export function toLocalInput(epochMs: number, timeZone = DEFAULT_TIME_ZONE): string {
  const l = localTime(epochMs, timeZone);
  return `${l.year}-${pad(l.month)}-${pad(l.day)}T${pad(Math.floor(l.minutes / 60))}:${pad(l.minutes % 60)}`;
}

/** The instant a `datetime-local` value names in the zone; null when it is not one. */
export function fromLocalInput(text: string, timeZone = DEFAULT_TIME_ZONE): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(text);
  if (!m) return null;
  return zonedInstant(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4]) * 60 + Number(m[5]),
    timeZone,
  );
}
