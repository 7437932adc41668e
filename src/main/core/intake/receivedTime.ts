import { zonedInstant } from '../../../shared/time';

/**
 * Reads the "time received" column: `dd/MM/yyyy HH:mm` (the way Vietnamese sheets write it;
 * also with seconds, `-` or `.` between the date's parts, or the time first), ISO
 * `yyyy-MM-dd HH:mm`, and Excel dates (a date cell, or its serial number). Times without a
 * zone are wall-clock times in `timeZone`.
 *
 * Returns undefined for an empty cell and null for one that cannot be read (the row keeps
 * "now" and gets a `time_unreadable` line in the report).
 */
export type TimeReader = (cell: unknown) => number | null | undefined;

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/;
const TIME_FIRST = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
// Excel serial days 10000–99999 are the years 1927–2173: a plausible "received" date.
const SERIAL = /^\d{5}(?:\.\d+)?$/;

const DAY_MS = 86_400_000;
// Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function createTimeReader(timeZone: string): TimeReader {
  // The zone's offset per hour of wall-clock time: Intl is slow, and an import reads the same
  // few days over and over.
  const offsets = new Map<number, number>();
  const local = (y: number, mo: number, d: number, h: number, mi: number, s: number) => {
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
    const wall = Date.UTC(y, mo - 1, d, h, mi, s);
    const check = new Date(wall);
    if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null; // 31/02
    const hour = Date.UTC(y, mo - 1, d, h);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      offset = hour - zonedInstant(y, mo, d, h * 60, timeZone);
      offsets.set(hour, offset);
    }
    const instant = wall - offset;
    return instant >= 0 ? instant : null;
  };
  const fromWallDate = (date: Date) =>
    local(
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
    );
  const fromSerial = (serial: number) =>
    serial >= 10_000 && serial < 100_000
      ? fromWallDate(new Date(EXCEL_EPOCH + Math.round(serial * DAY_MS)))
      : null;

  return (cell) => {
    if (cell === null || cell === undefined) return undefined;
    if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : fromWallDate(cell);
    if (typeof cell === 'number') return fromSerial(cell);
    if (typeof cell !== 'string') return null;
    const text = cell.trim();
    if (text === '') return undefined;
    let m = DMY.exec(text);
    if (m) {
      const [, d, mo, y, h, mi, s] = m;
      return local(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(s ?? 0));
    }
    m = TIME_FIRST.exec(text);
    if (m) {
      const [, h, mi, s, d, mo, y] = m;
      return local(+y!, +mo!, +d!, +h!, +mi!, +(s ?? 0));
    }
    m = ISO.exec(text);
    if (m) {
      if (m[7]) {
        const t = Date.parse(text.replace(' ', 'T'));
        return Number.isNaN(t) ? null : t;
      }
      const [, y, mo, d, h, mi, s] = m;
      return local(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(s ?? 0));
    }
    if (SERIAL.test(text)) return fromSerial(Number(text));
    return null;
  };
}
