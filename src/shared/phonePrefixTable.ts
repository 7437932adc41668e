import { Metadata, type CountryCode } from 'libphonenumber-js/core';
// The same metadata libphonenumber-js/max validates with. (Its `Metadata` export is missing
// from the CommonJS build, so the class comes from /core with the data passed in.)
import metadataJson from 'libphonenumber-js/metadata.max.json';

/*
 * A table that answers "is this Vietnamese number valid?" from its length and first four
 * significant digits, built once from libphonenumber-js's own metadata (never typed by hand, so
 * a metadata update changes it too). Parsing a number with libphonenumber-js costs ~5 µs; this
 * lookup costs well under 1 µs, which is what lets an import of 100,000 rows keep up with
 * SQLite. Prefixes whose validity depends on more than four digits are marked "ask the library".
 */

export const PREFIX_DIGITS = 4;
/** Significant-number lengths the table covers: mobile (9) and landline (10). */
export const TABLE_LENGTHS = [9, 10] as const;

export const PrefixVerdict = { Invalid: 0, Valid: 1, AskLibrary: 2 } as const;
export type PrefixVerdict = (typeof PrefixVerdict)[keyof typeof PrefixVerdict];

// The typings of libphonenumber-js stop at `possibleLengths()`; these methods exist at run time
// (the library validates with them) and the agreement test in test/shared/phone.test.ts fails if
// they ever stop meaning what they mean here.
interface NumberTypeMetadata {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface NumberingPlanMetadata {
  nationalNumberPattern(): string;
  possibleLengths(): number[];
  type(name: string): NumberTypeMetadata | undefined;
}

// Every type libphonenumber-js's isValid() accepts.
const NUMBER_TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'TOLL_FREE',
  'PREMIUM_RATE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];

/** Validity of a significant number by the metadata's patterns, the way isValid() decides. */
export function metadataValidator(country: CountryCode = 'VN'): (significant: string) => boolean {
  const metadata = new Metadata(metadataJson);
  metadata.selectNumberingPlan(country);
  const plan = metadata.numberingPlan as unknown as NumberingPlanMetadata;
  const general = new RegExp(`^(?:${plan.nationalNumberPattern()})$`);
  const generalLengths = plan.possibleLengths();
  const types: { re: RegExp; lengths: number[] }[] = [];
  for (const name of NUMBER_TYPES) {
    const t = plan.type(name);
    if (!t) continue;
    types.push({
      re: new RegExp(`^(?:${t.pattern()})$`),
      lengths: t.possibleLengths() ?? generalLengths,
    });
  }
  return (n) =>
    generalLengths.includes(n.length) &&
    general.test(n) &&
    types.some((t) => t.lengths.includes(n.length) && t.re.test(n));
}

// Deterministic "random" tails, so the table is the same on every start.
function tails(length: number, count: number): string[] {
  let s = 0x9e3779b9 ^ length;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let t = '';
    for (let d = 0; d < length; d++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      t += String((s >>> 24) % 10);
    }
    out.push(t);
  }
  out.push('0'.repeat(length), '9'.repeat(length));
  return out;
}

/**
 * Classifies every four-digit prefix of significant numbers of `length` digits. A prefix is
 * decided when every one of its completions agrees: the next two digits are enumerated in full
 * (patterns constrain digit by digit) and the rest sampled (all 0s, all 9s, one mix). Undecided
 * prefixes are split one digit further; still undecided at four digits → AskLibrary. (Sampling
 * is checked against the library on every prefix by test/shared/phone.test.ts.)
 */
export function buildPrefixTable(length: number, isValid: (n: string) => boolean): Uint8Array {
  const table = new Uint8Array(10 ** PREFIX_DIGITS);
  const visit = (prefix: string) => {
    const rest = length - prefix.length;
    const enumerated = Math.min(2, rest);
    const sampled = tails(rest - enumerated, 1);
    let valid = 0;
    let total = 0;
    for (let e = 0; e < 10 ** enumerated; e++) {
      const head = enumerated === 0 ? '' : String(e).padStart(enumerated, '0');
      for (const tail of sampled) {
        total++;
        if (isValid(prefix + head + tail)) valid++;
      }
    }
    const verdict: PrefixVerdict | undefined =
      valid === total ? PrefixVerdict.Valid : valid === 0 ? PrefixVerdict.Invalid : undefined;
    if (verdict === undefined && prefix.length < PREFIX_DIGITS) {
      for (let d = 0; d < 10; d++) visit(prefix + d);
      return;
    }
    // Fill every four-digit prefix under this one.
    const span = 10 ** (PREFIX_DIGITS - prefix.length);
    const from = prefix === '' ? 0 : Number(prefix) * span;
    table.fill(verdict ?? PrefixVerdict.AskLibrary, from, from + span);
  };
  visit('');
  return table;
}

let tables: Map<number, Uint8Array> | undefined;

/** The verdict for a Vietnamese significant number (national number without its 0). */
export function prefixVerdict(significant: string): PrefixVerdict {
  if (!tables) {
    const isValid = metadataValidator('VN');
    tables = new Map(TABLE_LENGTHS.map((l) => [l, buildPrefixTable(l, isValid)]));
  }
  const table = tables.get(significant.length);
  if (!table) return PrefixVerdict.AskLibrary;
  return table[Number(significant.slice(0, PREFIX_DIGITS))] as PrefixVerdict;
}
