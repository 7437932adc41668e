/**
 * The ways a Vietnamese number reaches us from a person or a spreadsheet, reduced to one
 * national form (`0` + national significant number) before anything validates it.
 */

/**
 * The 2018 renumbering of 11-digit mobile numbers: old four-digit prefix (with the national 0)
 * → new three-digit prefix; the seven digits after it stay the same.
 */
export const renumbered2018: Readonly<Record<string, string>> = {
  // Viettel 0162–0169 → 032–039
  '0162': '032',
  '0163': '033',
  '0164': '034',
  '0165': '035',
  '0166': '036',
  '0167': '037',
  '0168': '038',
  '0169': '039',
  // MobiFone
  '0120': '070',
  '0121': '079',
  '0122': '077',
  '0126': '076',
  '0128': '078',
  // VinaPhone
  '0123': '083',
  '0124': '084',
  '0125': '085',
  '0127': '081',
  '0129': '082',
  // Vietnamobile
  '0186': '056',
  '0188': '058',
  // Gmobile
  '0199': '059',
};

export type PhoneForm =
  | { kind: 'empty' }
  /** A Vietnamese number written with digits and separators only: `0` + significant digits. */
  | { kind: 'national'; national: string }
  /** Anything else (letters, an extension, a foreign number): left to libphonenumber-js. */
  | { kind: 'other'; text: string };

// Digits and the separators people and spreadsheets put between them.
const DIGITS_AND_SEPARATORS = /^\+?[\d\s.\-()/\u00a0\u2013]+$/;

/**
 * Full-width forms (`０９１２`, `＋８４`, typed with an East Asian input method or pasted from a
 * chat) as their ASCII letters, the ideographic space and the no-break space as a space, and
 * zero-width characters (pasted from web pages and chats) gone.
 */
export function asciiPhoneText(raw: string): string {
  // Plain ASCII (nearly every cell) has nothing to fold.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(raw)) return raw;
  return raw
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00a0]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

/** Strips what a spreadsheet wraps around a number: the text quote `'…` and `="…"`. */
export function unwrapSpreadsheetText(raw: string): string {
  let text = raw.trim();
  const formula = /^="(.*)"$/.exec(text);
  if (formula) text = formula[1]!.trim();
  // Excel's "treat as text" apostrophe, sometimes exported along with the value.
  while (text.startsWith("'") || text.startsWith('\u2019')) text = text.slice(1).trimStart();
  return text;
}

/**
 * Reads `0912.345.678`, `84912345678`, `+84 912 345 678`, `0084…`, `+84 (0) 912…`,
 * `912345678` (the leading zero eaten by Excel), full-width digits and old 11-digit mobile numbers into
 * `{ national: '0912345678' }`. Lengths tell the forms apart: a significant number is 9 digits
 * (mobile) or 10 (landline, old mobile), so 9–10 digits without a 0 lost it, and 11–12 digits
 * starting with 84 carry the country code.
 */
export function readPhoneForm(raw: string): PhoneForm {
  const text = unwrapSpreadsheetText(asciiPhoneText(raw));
  if (text === '') return { kind: 'empty' };
  if (!DIGITS_AND_SEPARATORS.test(text)) return { kind: 'other', text };
  const digits = text.replace(/\D/g, '');
  if (digits === '') return { kind: 'other', text };
  let significant: string;
  if (text.startsWith('+')) {
    if (!digits.startsWith('84')) return { kind: 'other', text };
    significant = afterCountryCode(digits.slice(2));
  } else if (digits.startsWith('0084') && digits.length >= 12) {
    significant = afterCountryCode(digits.slice(4));
  } else if (digits.startsWith('84') && (digits.length === 11 || digits.length === 12)) {
    significant = afterCountryCode(digits.slice(2));
  } else if (digits.startsWith('00')) {
    // Vietnam's international prefix: a call abroad, for the library to read.
    return { kind: 'other', text };
  } else if (digits.startsWith('0')) {
    significant = digits.slice(1);
  } else if (digits.length === 9 || digits.length === 10) {
    significant = digits;
  } else {
    return { kind: 'other', text };
  }
  return { kind: 'national', national: renumber2018(`0${significant}`) };
}

/** `+84 (0) 912…`: the national 0 written after the country code is dropped. */
function afterCountryCode(digits: string): string {
  return digits.startsWith('0') ? digits.slice(1) : digits;
}

/** `01662345678` → `0362345678`; any other number is returned as it was. */
export function renumber2018(national: string): string {
  if (national.length !== 11) return national;
  const to = renumbered2018[national.slice(0, 4)];
  return to ? to + national.slice(4) : national;
}
