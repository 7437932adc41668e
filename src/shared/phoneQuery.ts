import { normalisePhone } from './phone';
import { asciiPhoneText } from './phoneForms';

/*
 * A search typed as a phone number, read the way the importer reads a phone cell: an agent
 * who types the customer's old 11-digit number (`01693537138`), `+84 169 353 7138`, `0084…`,
 * `0169.353.7138` or full-width digits finds the lead stored as +84393537138. The query's
 * own digits are searched as well, so a number written in a note, or kept as given because it
 * was not valid, is still found as typed.
 */

/** The query with full-width digits, odd spaces and zero-width characters made plain. */
export function plainQuery(query: string): string {
  return asciiPhoneText(query).trim();
}

/**
 * The number `text` spells as a whole, as E.164, when it is one the importer accepts (old
 * prefixes renumbered, +84/84/0084, separators); null for anything else (a part of a number).
 */
export function numberInQuery(text: string): string | null {
  const normal = normalisePhone(text);
  return normal.valid ? normal.e164 : null;
}

/** The digits the search index holds for a stored E.164 number: the national form for Vietnam. */
export function indexedDigits(e164: string): string {
  return e164.startsWith('+84') ? `0${e164.slice(3)}` : e164.replace(/\D/g, '');
}
