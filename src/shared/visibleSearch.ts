import type { Lead } from './domain';
import { foldText } from './foldText';
import { maskPhonesInText, visibleDigits } from './phoneMask';
import { numberInQuery, plainQuery } from './phoneQuery';

/*
 * Search for an agent who sees numbers masked. Matching digits anywhere in a number would be an
 * oracle: typing 09120…09129 and watching which lead comes back gives the hidden digits away
 * one by one. So such a search matches only what the agent is shown — a number's first four
 * and last three digits, and the masked text of names and notes — and its results never depend
 * on a hidden digit, however the query is written.
 */

/** What a mask shows of a number: its first four and last three digits. */
export interface ShownDigits {
  head: string;
  tail: string;
}

export type VisibleTerm =
  /**
   * Seven or more digits: a whole number, compared by the digits its mask shows. `forms`: as
   * typed, and as the number it is stored as when the query spells one the importer reads (an
   * old 11-digit number shows `0169 *** 138` typed, `0393 *** 138` stored).
   */
  | { kind: 'number'; forms: ShownDigits[] }
  /** Three to six digits: found only among shown digits (0912, 678, a short code in a note). */
  | { kind: 'digits'; digits: string }
  /** Folded words without digits' hidden parts: matched against the masked name and note. */
  | { kind: 'text'; text: string };

const PHONE_LIKE = /^[+\d\s.\-()/]+$/;
const DIGIT_WORD = /^[+\d.\-()/]+$/;
/** Trigrams need three characters (the index's rule); shorter words ride along with a neighbour. */
const MIN_CHARS = 3;

/*
 * Reading the query as the number it spells is no oracle: it depends on the query alone, and
 * the leads it then finds are decided by their shown digits, like any other whole number.
 */
function digitTerm(raw: string): VisibleTerm | null {
  const digits = raw.replace(/\D/g, '');
  if (digits.length >= 7) {
    const number = numberInQuery(raw);
    const forms: ShownDigits[] = [];
    for (const shown of [visibleDigits(raw.trim()), number && visibleDigits(number)]) {
      if (shown && !forms.some((f) => f.head === shown.head && f.tail === shown.tail)) {
        forms.push(shown);
      }
    }
    if (forms.length > 0) return { kind: 'number', forms };
  }
  return digits.length >= MIN_CHARS ? { kind: 'digits', digits } : null;
}

const length = (s: string) => [...s].length;

/** The terms of what a masked agent typed; empty when there is nothing to search for. */
export function visibleSearchTerms(query: string): VisibleTerm[] {
  const text = plainQuery(query);
  if (PHONE_LIKE.test(text)) {
    const term = digitTerm(text);
    return term ? [term] : [];
  }
  const terms: VisibleTerm[] = [];
  const phrases: string[] = [];
  for (const word of foldText(text).split(/\s+/)) {
    if (word === '') continue;
    if (DIGIT_WORD.test(word)) {
      const term = digitTerm(word);
      if (term) terms.push(term);
      continue;
    }
    const last = phrases.length - 1;
    if (last >= 0 && (length(word) < MIN_CHARS || length(phrases[last]!) < MIN_CHARS)) {
      phrases[last] += ` ${word}`;
    } else {
      phrases.push(word);
    }
  }
  for (const p of phrases) if (length(p) >= MIN_CHARS) terms.push({ kind: 'text', text: p });
  return terms;
}

/**
 * Strings the index must hold for a lead to be a candidate: for each term, its alternatives,
 * each a list of strings that must all be there (every term's are contained in the lead's full
 * text, so the candidates are never fewer than the leads that match).
 */
export function candidateStrings(terms: readonly VisibleTerm[]): string[][][] {
  return terms.map((t) =>
    t.kind === 'number'
      ? t.forms.map((f) => [f.head, f.tail])
      : [[t.kind === 'digits' ? t.digits : t.text]],
  );
}

/** True when every term is found in what the agent is shown of `lead`. */
export function matchesVisible(lead: Lead, terms: readonly VisibleTerm[]): boolean {
  const numbers = [lead.phone, lead.phoneAsGiven, lead.phone2]
    .filter((p): p is string => !!p)
    .flatMap((p) => visibleDigits(p) ?? []);
  const texts = [lead.name, lead.note].map((t) => foldText(maskPhonesInText(t)));
  return terms.every((t) => {
    switch (t.kind) {
      case 'number':
        return t.forms.some(
          (f) =>
            numbers.some((n) => n.head === f.head && n.tail === f.tail) ||
            texts.some((x) => x.includes(`${f.head} *** ${f.tail}`)),
        );
      case 'digits':
        return (
          numbers.some((n) => n.head.includes(t.digits) || n.tail.includes(t.digits)) ||
          texts.some((x) => x.includes(t.digits))
        );
      case 'text':
        return texts.some((x) => x.includes(t.text));
    }
  });
}
