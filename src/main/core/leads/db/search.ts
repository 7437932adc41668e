import type { Lead } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { foldText } from '../../../../shared/foldText';
import { indexedDigits, numberInQuery, plainQuery } from '../../../../shared/phoneQuery';
import {
  candidateStrings,
  matchesVisible,
  visibleSearchTerms,
} from '../../../../shared/visibleSearch';
import { toLead, type LeadRow } from './leads';
import type { Db } from '../../db/open';

/*
 * One search box over name, phone and note, on the trigram index of migration 0040.
 *
 * Why FTS5 trigram and not an indexed folded column (measured on 1,000,000 generated leads,
 * 600 mixed queries — surnames, full names, 4–9 phone digits, note words, misses — a page of
 * 51 rows each): trigram FTS5 with one phrase per word p50 0.4 ms / p99 4.7 ms; the same as one
 * phrase for the whole query p99 26 ms (misses are slow); a folded column read with instr()
 * p50 9 ms / p99 87 ms, because "digits in the middle of a number" can use no B-tree index;
 * unicode61 words plus every suffix of the phone as a token p99 18 ms and slower to build.
 * The price: ~150 MB of index per million leads and ~0.6 s per 100,000 inserted leads.
 *
 * Results come newest lead first (the index's rowid order), so a page stops reading as soon as
 * it has its rows, however many leads match.
 */

export interface SearchArgs {
  query: string;
  limit: number;
  /** `nextCursor` of the previous page, or null for the first page. */
  cursor: string | null;
}

export interface SearchPage {
  items: Lead[];
  nextCursor: string | null;
}

/** Trigrams need three characters; shorter words ride along with a neighbour. */
const MIN_CHARS = 3;

const PHONE_LIKE = /^[+\d\s.\-()/]+$/;

/**
 * The FTS5 query for what the agent typed, or null when there is nothing to search for
 * (fewer than three characters). Every word must appear (folded: no case, no diacritics,
 * đ = d); a number typed with separators or +84 is searched as the digits an agent sees, and a
 * whole number in any form the importer reads (`01693537138`, `0084…`, full-width digits) also
 * as the number it is stored as (`shared/phoneQuery.ts`).
 */
export function searchMatch(query: string): string | null {
  const text = plainQuery(query);
  if (PHONE_LIKE.test(text)) {
    let digits = text.replace(/\D/g, '');
    if (text.startsWith('+84') || (digits.startsWith('84') && digits.length >= 11)) {
      digits = `0${digits.slice(2)}`;
    }
    return anyOf(digits.length >= MIN_CHARS ? [digits] : [], numberInQuery(text));
  }
  // A whole number among the words is a term of its own; the other words make the phrases.
  const numbers: string[] = [];
  const phrases: string[] = [];
  for (const word of foldText(text).split(/\s+/)) {
    if (word === '') continue;
    // 0912.345 inside a longer query: the digits, as the index holds them.
    const isDigits = /^[\d.\-()/]+$/.test(word);
    const w = isDigits ? word.replace(/\D/g, '') : word;
    const number = isDigits ? numberInQuery(word) : null;
    if (number !== null) {
      numbers.push(anyOf([w], number)!);
      continue;
    }
    const last = phrases.length - 1;
    if (last >= 0 && (length(w) < MIN_CHARS || length(phrases[last]!) < MIN_CHARS)) {
      phrases[last] += ` ${w}`;
    } else {
      phrases.push(w);
    }
  }
  const usable = [...phrases.filter((p) => length(p) >= MIN_CHARS).map(quote), ...numbers];
  return usable.length === 0 ? null : usable.join(' AND ');
}

/** One phrase, or the phrases a lead may hold instead of each other (the number as typed or stored). */
function anyOf(typed: string[], number: string | null): string | null {
  const forms = [...new Set([...typed, ...(number === null ? [] : [indexedDigits(number)])])];
  if (forms.length === 0) return null;
  return forms.length === 1 ? quote(forms[0]!) : `(${forms.map(quote).join(' OR ')})`;
}

const length = (s: string) => [...s].length;
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

const SQL = `
  SELECT lead_search.rowid AS search_rowid, leads.*
  FROM lead_search JOIN leads ON leads.rowid = lead_search.rowid
  WHERE lead_search MATCH @match AND lead_search.rowid < @before
  ORDER BY lead_search.rowid DESC
  LIMIT @limit`;

const statements = new WeakMap<Db, ReturnType<Db['prepare']>>();

function decodeCursor(cursor: string | null): number {
  if (cursor === null) return Number.MAX_SAFE_INTEGER;
  if (!/^\d{1,15}$/.test(cursor)) {
    throw new AppError('invalid_input', 'The search position (cursor) is not one this app made.', {
      fields: [{ path: 'cursor', key: 'cursor_invalid' }],
    });
  }
  return Number(cursor);
}

/** One page of leads matching `query`, newest first. */
export function searchLeads(db: Db, args: SearchArgs): SearchPage {
  const match = searchMatch(args.query);
  const before = decodeCursor(args.cursor);
  if (match === null) return { items: [], nextCursor: null };
  let stmt = statements.get(db);
  if (!stmt) statements.set(db, (stmt = db.prepare(SQL)));
  // One row more than asked tells whether there is a next page.
  const rows = stmt.all({ match, before, limit: args.limit + 1 }) as (LeadRow & {
    search_rowid: number;
  })[];
  const page = rows.slice(0, args.limit);
  const hasMore = rows.length > args.limit;
  return {
    items: page.map(toLead),
    nextCursor: hasMore ? String(page[page.length - 1]!.search_rowid) : null,
  };
}

/** Candidates read per step of a masked search: most pass, so one step usually fills a page. */
const CANDIDATE_BATCH = 200;

/**
 * `searchLeads` for an agent who sees numbers masked: the index finds candidates (every lead
 * holding the query's strings anywhere), and only those whose shown text matches are kept
 * (`shared/visibleSearch.ts`), so no result depends on a hidden digit.
 */
export function searchVisibleLeads(db: Db, args: SearchArgs): SearchPage {
  const terms = visibleSearchTerms(args.query);
  let before = decodeCursor(args.cursor);
  if (terms.length === 0) return { items: [], nextCursor: null };
  const match = candidateStrings(terms)
    .map((alternatives) => {
      const each = alternatives.map((strings) => strings.map(quote).join(' AND '));
      return each.length === 1 ? each[0]! : `(${each.map((e) => `(${e})`).join(' OR ')})`;
    })
    .join(' AND ');
  let stmt = statements.get(db);
  if (!stmt) statements.set(db, (stmt = db.prepare(SQL)));
  const batch = Math.max(CANDIDATE_BATCH, args.limit + 1);
  const found: { lead: Lead; rowid: number }[] = [];
  for (;;) {
    const rows = stmt.all({ match, before, limit: batch }) as (LeadRow & {
      search_rowid: number;
    })[];
    for (const row of rows) {
      const lead = toLead(row);
      if (matchesVisible(lead, terms)) found.push({ lead, rowid: row.search_rowid });
      if (found.length > args.limit) break;
    }
    if (found.length > args.limit || rows.length < batch) break;
    before = rows[rows.length - 1]!.search_rowid;
  }
  const page = found.slice(0, args.limit);
  return {
    items: page.map((f) => f.lead),
    nextCursor: found.length > args.limit ? String(page[page.length - 1]!.rowid) : null,
  };
}
