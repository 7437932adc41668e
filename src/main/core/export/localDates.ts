import { localTime } from '../../../shared/time';

const QUARTER_HOUR_MS = 15 * 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Wall-clock times in one zone, fast enough for an export's hundreds of thousands of cells:
 * the zone's offset is looked up once per quarter hour (the finest step any zone's offset
 * takes) rather than asking Intl for every cell.
 */
export function zonedDates(timeZone: string) {
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    const slot = Math.floor(ms / QUARTER_HOUR_MS);
    let offset = offsets.get(slot);
    if (offset === undefined) {
      const start = slot * QUARTER_HOUR_MS;
      const l = localTime(start, timeZone);
      offset = Date.UTC(l.year, l.month - 1, l.day, 0, l.minutes) - start;
      offsets.set(slot, offset);
    }
    return offset;
  };
  return {
    /** The wall-clock time as if it were UTC: what a spreadsheet's zone-less date holds. */
    wallClock(ms: number): Date {
      const d = new Date(ms + offsetAt(ms));
      // Spreadsheets keep minutes, as the CSV does.
      d.setUTCSeconds(0, 0);
      return d;
    },
    /** `dd/MM/yyyy HH:mm`. */
    format(ms: number): string {
      const d = new Date(ms + offsetAt(ms));
      return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    },
  };
}
export type ZonedDates = ReturnType<typeof zonedDates>;
