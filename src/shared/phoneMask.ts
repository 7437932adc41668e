import { formatPhone } from './phone';

/** Digits kept visible at each end: enough to recognise a callback, not to dial it. */
const KEEP_HEAD = 4;
const KEEP_TAIL = 3;
/** Fewer digits than this is no phone number (an extension, a count): left alone. */
const MIN_DIGITS = 7;

/**
 * What an agent sees of a number when masking is on: `0912 *** 678`. Works on E.164
 * (`+84912345678`), national forms and free text as given; only the middle digits go.
 */
export function maskPhone(value: string): string {
  // Vietnamese E.164 is the common case: its national form needs no parsing (+84 → 0).
  const national = value.startsWith('+84')
    ? `0${value.slice(3)}`
    : value.startsWith('+')
      ? formatPhone(value, value)
      : value;
  const digits = national.replace(/\D/g, '');
  if (digits.length < MIN_DIGITS) return value;
  return `${digits.slice(0, KEEP_HEAD)} *** ${digits.slice(-KEEP_TAIL)}`;
}

/** True when a string is already masked (the renderer must then ask main to dial). */
export function isMaskedPhone(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.includes('*');
}

/**
 * A phone-like run: 9 to 15 digits (E.164's longest), maybe a leading +, single spaces, dots,
 * dashes or brackets between them, not glued to letters (so ids and words stay whole).
 */
const PHONE_RUN = /(?<![\w+-])\+?\d(?:[ .\-()]?\d){8,14}(?![\w-])/g;

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
 * A copy of `value` with every phone field masked, at any depth (leads in pages, in details,
 * in reminders, orders). Applied in main to what an agent's connection receives.
 */
export function maskPhoneFields<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => maskPhoneFields(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    out[key] = isPhoneField(key) ? maskPhoneValue(v) : maskPhoneFields(v);
  }
  return out as T;
}

function maskPhoneValue(v: unknown): unknown {
  if (typeof v === 'string') return maskPhone(v);
  if (Array.isArray(v)) return v.map(maskPhoneValue);
  return maskPhoneFields(v);
}
