import { normalisePhone } from './phone';

/** A phone cell read as one number or two. */
export type PhoneCell =
  | { count: 1; asGiven: string }
  | {
      count: 2;
      first: { asGiven: string; e164: string };
      second: { asGiven: string; e164: string };
    };

/*
 * How people write a second number in one cell: `0796.445.505 / 0781.530.871`, `…/…`,
 * `… - …` (a dash between spaces: `0912-345-678` is one number), `…, …`, `…; …`, `… hoặc …`
 * (Vietnamese "or"), `… hay …`, `… & …`. Tried in this order; a split counts only when both parts are
 * valid numbers, so a date, a single number with separators, or text is never cut in two.
 */
const SEPARATORS = [
  /\s*\/\s*/,
  /\s+-\s+/,
  /\s*,\s*/,
  /\s*;\s*/,
  /\s+hoặc\s+/i,
  /\s+hay\s+/i,
  /\s*&\s*/,
];

const MAY_HOLD_TWO = /[/,;&]|\s-\s|\shoặc\s|\shay\s/i;

/** The cell as one number (valid or not, left to the normaliser) or as two valid numbers. */
export function splitPhoneCell(raw: string): PhoneCell {
  const text = raw.normalize('NFC').trim();
  // Most cells hold no separator at all. (Whether the whole cell reads as one number says
  // nothing: `0773671106; 0566965705` does, as a number with an extension.)
  if (!MAY_HOLD_TWO.test(text)) return { count: 1, asGiven: text };
  for (const separator of SEPARATORS) {
    const parts = text.split(separator);
    if (parts.length !== 2) continue;
    const [a, b] = parts.map((p) => p.trim()) as [string, string];
    const first = normalisePhone(a);
    const second = normalisePhone(b);
    if (first.valid && second.valid) {
      return {
        count: 2,
        first: { asGiven: a, e164: first.e164 },
        second: { asGiven: b, e164: second.e164 },
      };
    }
  }
  return { count: 1, asGiven: text };
}
