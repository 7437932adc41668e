import { formatPhone } from './phone';

/** Digits kept visible at each end: enough to recognise a callback, not to dial it. */
const KEEP_HEAD = 4;
const KEEP_TAIL = 3;
/** Fewer digits than this is no phone number (an extension, a count): left alone. */
const MIN_DIGITS = 7;

/** The digits of a number in the national form an agent reads (+84 912… and 84912… → 0912…). */
function nationalDigits(value: string): string {
  // Vietnamese E.164 is the common case: its national form needs no parsing (+84 → 0).
  const national = value.startsWith('+84')
    ? `0${value.slice(3)}`
    : value.startsWith('+')
      ? formatPhone(value, value)
      : value;
  const digits = national.replace(/\D/g, '');
  // The same number written without its 0 or with the country code must show the same digits:
  // "9123 *** 678" beside "0912 *** 678" would give the fifth digit away.
  if (digits.length === 11 && digits.startsWith('84')) return `0${digits.slice(2)}`;
  if (digits.length === 9 && !digits.startsWith('0')) return `0${digits}`;
  return digits;
}

/** What a masked number lets an agent see: its first 4 and last 3 digits (null: not a number). */
export function visibleDigits(value: string): { head: string; tail: string } | null {
  const digits = nationalDigits(value);
  if (digits.length < MIN_DIGITS) return null;
  return { head: digits.slice(0, KEEP_HEAD), tail: digits.slice(-KEEP_TAIL) };
}

/**
 * What an agent sees of a number when masking is on: `0912 *** 678`. Works on E.164
 * (`+84912345678`), national forms and free text as given; only the middle digits go.
 */
export function maskPhone(value: string): string {
  const visible = visibleDigits(value);
  return visible === null ? value : `${visible.head} *** ${visible.tail}`;
}

/** True when a string is already masked (the renderer must then ask main to dial). */
export function isMaskedPhone(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.includes('*');
}

/**
 * A phone-like run: 9 to 15 digits (E.164's longest), maybe a leading +, single spaces, dots,
 * dashes or brackets between them. Not part of an id or a hash (glued to a hex letter, a dash
 * or an underscore), but glued to any other letter it is still a number: `SĐT0912345678`.
 */
const PHONE_RUN = /(?<![\dA-Fa-f_+-])\+?\d(?:[ .\-()]?\d){8,14}(?![\dA-Fa-f_-])/g;

/** Masks the middle digits of every phone-like run in free text (log lines). */
export function maskPhonesInText(text: string): string {
  return text.replace(PHONE_RUN, (run) => maskPhone(run));
}

/**
 * Fields that carry a customer's number anywhere in the contract's outputs and events: any key
 * naming a phone (`phone`, `phone2`, `phoneAsGiven`, `leadPhone`…) and a call's `number`.
 * Matching by name keeps outputs added later covered without a list to maintain.
 */
export function isPhoneField(key: string): boolean {
  return key === 'number' || /phone/i.test(key);
}

/**
 * Keys whose strings are the app's own machine values, never a customer's words: ids, paging
 * cursors (a rowid can be nine digits long), files main named. Text masking leaves them whole.
 */
function isMachineField(key: string): boolean {
  return /^(id|ids|cursor|path|fileName|dataDir)$|(Id|Ids|Cursor)$/.test(key);
}

type StringMasker = (key: string, value: string) => string;

function maskWith<T>(value: T, mask: StringMasker, key = ''): T {
  if (typeof value === 'string') return mask(key, value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => maskWith(v, mask, key)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = maskWith(v, mask, k);
  }
  return out as T;
}

/**
 * A copy of `value` with every phone field masked, at any depth (leads in pages, in details,
 * in reminders, orders); other text is left as it is.
 */
export function maskPhoneFields<T>(value: T): T {
  return maskWith(value, (key, v) => (isPhoneField(key) ? maskPhone(v) : v));
}

/**
 * What an agent's connection receives when masking is on: phone fields masked, and every
 * phone-like run in any other text too (a number written in a note, an address, a timeline
 * entry, a file's rejected row), except the app's own ids and cursors.
 */
export function maskNumbersForAgent<T>(value: T): T {
  return maskWith(value, (key, v) => {
    if (isPhoneField(key)) return maskPhone(v);
    return isMachineField(key) ? v : maskPhonesInText(v);
  });
}

/**
 * `edited` is text an agent saw masked and sent back (a note, an address in the contact form):
 * every masked number in it that stands for a number of `stored` gets that number back, so
 * saving a form never replaces a real number with its mask. A masked number with no original
 * (typed by hand) stays as typed.
 */
export function restoreMaskedNumbers(edited: string, stored: string): string {
  if (!edited.includes('***')) return edited;
  const originals = new Map<string, string[]>();
  for (const run of stored.match(PHONE_RUN) ?? []) {
    const masked = maskPhone(run);
    originals.set(masked, [...(originals.get(masked) ?? []), run]);
  }
  return edited.replace(/\d{4} \*\*\* \d{3}/g, (masked) => {
    const runs = originals.get(masked);
    // Several numbers with one mask come back in the order they were written.
    return runs && runs.length > 0 ? (runs.length > 1 ? runs.shift()! : runs[0]!) : masked;
  });
}
