import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { readPhoneForm } from './phoneForms';
import { prefixVerdict, PrefixVerdict } from './phonePrefixTable';

// Vietnam first: numbers without a country code are read as Vietnamese.
export const DEFAULT_REGION = 'VN';

export type PhoneCheck =
  | { valid: true; e164: string; national: string }
  | { valid: false; reason: 'phone_required' | 'phone_invalid' };

export type PhoneNormal =
  { valid: true; e164: string } | { valid: false; reason: 'phone_required' | 'phone_invalid' };

/**
 * The number as E.164, or why not. Accepts what people and spreadsheets write (see
 * `readPhoneForm`): `0912.345.678`, `84912345678`, `+84 912 345 678`, `912345678`,
 * `'0912345678`, old 11-digit mobiles (mapped to their 2018 numbers), landlines.
 *
 * Well-formed Vietnamese numbers take the fast path (a prefix table built from
 * libphonenumber-js's metadata); anything else, and any prefix the table cannot decide, is
 * judged by libphonenumber-js itself. Without the display format, so an import pays for none.
 */
export function normalisePhone(raw: string): PhoneNormal {
  const form = readPhoneForm(raw);
  if (form.kind === 'empty') return { valid: false, reason: 'phone_required' };
  if (form.kind === 'national') {
    const significant = form.national.slice(1);
    const verdict = prefixVerdict(significant);
    if (verdict === PrefixVerdict.Valid) return { valid: true, e164: `+84${significant}` };
    if (verdict === PrefixVerdict.Invalid) return { valid: false, reason: 'phone_invalid' };
    return normaliseWithLibrary(form.national);
  }
  return normaliseWithLibrary(form.text);
}

/** libphonenumber-js's verdict alone (Vietnam as the default region): the authority. */
export function normaliseWithLibrary(text: string): PhoneNormal {
  const parsed = parsePhoneNumberFromString(text, DEFAULT_REGION);
  if (!parsed || !parsed.isValid()) return { valid: false, reason: 'phone_invalid' };
  return { valid: true, e164: parsed.number };
}

/** Normalises a phone number as typed by a person, with the national format to show. */
export function checkPhone(raw: string): PhoneCheck {
  const normal = normalisePhone(raw);
  if (!normal.valid) return normal;
  return { valid: true, e164: normal.e164, national: formatPhone(normal.e164, raw) };
}

/** National format for display (0912 345 678); falls back to what was stored. */
export function formatPhone(e164: string | null, asGiven: string): string {
  if (!e164) return asGiven;
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatNational() : e164;
}
