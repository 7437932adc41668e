import type { Lead } from './domain';
import { foldText } from './foldText';
import { maskPhonesInText, visibleDigits } from './phoneMask';

/*
 * Search for an agent who sees numbers masked. Matching digits anywhere in a number would be an
 * oracle: typing 09120…09129 and watching which lead comes back gives the hidden digits away
 * one by one. So such a search matches only what the agent is shown — a number's first four
 * and last three digits, and the masked text of names and notes — and its results never depend
 * on a hidden digit, however the query is written.
 */

export type VisibleTerm =
  /** Seven or more digits: a whole number, compared by the digits its mask shows. */
  | { kind: 'number'; head: string; tail: string }
  /** Three to six digits: found only among shown digits (0912, 678, a short code in a note). */
  | { kind: 'digits'; digits: string }
  /** Folded words without digits' hidden parts: matched against the masked name and note. */
  | { kind: 'text'; text: string };

const PHONE_LIKE = /^[+\d\s.\-()/]+$/;
const DIGIT_WORD = /^[+\d.\-()/]+$/;
/** Trigrams need three characters (the index's rule); shorter words ride along with a neighbour. */
const MIN_CHARS = 3;

function digitTerm(raw: string): VisibleTerm | null {
  const digits = raw.replace(/\D/g, '');
  const visible = digits.length >= 7 ? visibleDigits(raw.trim()) : null;
  if (visible) return { kind: 'number', ...visible };
  return digits.length >= MIN_CHARS ? { kind: 'digits', digits } : null;
}

const length = (s: string) => [...s].length;

/** The terms of what a masked agent typed; empty when there is nothing to search for. */
export function visibleSearchTerms(query: string): VisibleTerm[] {
  const text = query.trim();
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
 * Strings the index must hold for a lead to be a candidate (every term's are contained in the
 * lead's full text, so the candidates are never fewer than the leads that match).
 */
export function candidateStrings(terms: readonly VisibleTerm[]): string[] {
  return terms.flatMap((t) =>
    t.kind === 'number' ? [t.head, t.tail] : [t.kind === 'digits' ? t.digits : t.text],
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
        return (
          numbers.some((n) => n.head === t.head && n.tail === t.tail) ||
          texts.some((x) => x.includes(`${t.head} *** ${t.tail}`))
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
