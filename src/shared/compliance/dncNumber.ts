import { normalisePhone } from '../phone';

/*
 * How a do-not-call list stores a number: the digits of its E.164 form as one integer
 * (+84912345678 → 84912345678). Every way of writing a number (0912.345.678, 84…, an old
 * 11-digit mobile) normalises to the same key, E.164 has at most 15 digits (exact in a double),
 * and SQLite keeps such an integer in 6 bytes: a 2,000,000-number register fits in ~25 MB.
 */

/** The list key of a valid E.164 number. */
export function dncKey(e164: string): number {
  return Number(e164.slice(1));
}

/** The list key of a number as written anywhere, or null when it is no valid number. */
export function dncKeyOf(raw: string): number | null {
  const normal = normalisePhone(raw);
  return normal.valid ? dncKey(normal.e164) : null;
}

/** The E.164 form of a list key. */
export function e164OfKey(key: number): string {
  return `+${key}`;
}
