import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

// Vietnam first: numbers without a country code are read as Vietnamese.
export const DEFAULT_REGION = 'VN';

export type PhoneCheck =
  | { valid: true; e164: string; national: string }
  | { valid: false; reason: 'phone_required' | 'phone_invalid' };

/** Normalises a phone number as typed by a person; the lead intake issue widens the accepted forms. */
export function checkPhone(raw: string): PhoneCheck {
  const text = raw.trim();
  if (text === '') return { valid: false, reason: 'phone_required' };
  const parsed = parsePhoneNumberFromString(text, DEFAULT_REGION);
  if (!parsed || !parsed.isValid()) return { valid: false, reason: 'phone_invalid' };
  return { valid: true, e164: parsed.number, national: parsed.formatNational() };
}

/** National format for display (0912 345 678); falls back to what was stored. */
export function formatPhone(e164: string | null, asGiven: string): string {
  if (!e164) return asGiven;
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatNational() : e164;
}
