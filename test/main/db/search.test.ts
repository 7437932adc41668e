import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertLead } from '../../../src/main/core/leads/db/leads';
import { searchLeads, searchMatch } from '../../../src/main/core/leads/db/search';
import { AppError } from '../../../src/shared/errors';
import { foldText } from '../../../src/shared/foldText';
import { leadFixture } from '../../helpers/leadFixture';
import { tempCore, type TempCore } from '../../helpers/tempCore';

describe('searchMatch', () => {
  it.each([
    ['nguyen van a', '"nguyen" AND "van a"'],
    ['Nguyễn Văn A', '"nguyen" AND "van a"'],
    ['  ĐẶNG   thị ', '"dang" AND "thi"'],
    ['a nguyen', '"a nguyen"'],
    ['0912.345', '"0912345"'],
    ['+84 912 345', '"0912345"'],
    ['84912345678', '"0912345678"'],
    ['lan 0912-345', '"lan" AND "0912345"'],
    ['a"bc', '"a""bc"'],
    // A whole number in a form the importer reads: also as the number it is stored as.
    ['01693537138', '("01693537138" OR "0393537138")'],
    ['+84 169 353 7138', '("01693537138" OR "0393537138")'],
    ['０１６９ ３５３ ７１３８', '("01693537138" OR "0393537138")'],
    ['0084912345678', '("0084912345678" OR "0912345678")'],
    ['lan 0169.353.7138', '"lan" AND ("01693537138" OR "0393537138")'],
  ])('%j → %s', (query, match) => {
    expect(searchMatch(query)).toBe(match);
  });

  it.each([[''], ['  '], ['ab'], ['12'], ['+8']])('has nothing to search for in %j', (q) => {
    expect(searchMatch(q)).toBeNull();
  });
});

describe('searchLeads', () => {
  let t: TempCore;
  beforeEach(() => {
    t = tempCore();
  });
  afterEach(() => t.dispose());

  const search = (query: string, limit = 50, cursor: string | null = null) =>
    searchLeads(t.core.db, { query, limit, cursor });
  const names = (query: string) => search(query).items.map((l) => l.name);

  async function add(name: string, phone: string, note = '') {
    const r = await t.core.dispatch('leads.add', { name, phone, note });
    if (!r.ok) throw new Error(r.error.message);
    t.clock.advance(1000);
  }

  it('finds accented Vietnamese from a query without diacritics, and đ from d', async () => {
    await add('Nguyễn Văn A', '0912345678');
    await add('Đặng Thị Hường', '0987654321', 'Khách ở Đà Nẵng');
    await add('Trần Văn An', '0903111222');
    expect(names('nguyen van a')).toEqual(['Nguyễn Văn A']);
    expect(names('NGUYỄN')).toEqual(['Nguyễn Văn A']);
    expect(names('dang thi huong')).toEqual(['Đặng Thị Hường']);
    expect(names('da nang')).toEqual(['Đặng Thị Hường']);
    expect(names('van a')).toEqual(['Trần Văn An', 'Nguyễn Văn A']);
    expect(names('le van')).toEqual([]);
  });

  it('finds a lead from any 4 digits of its number, however they are typed', async () => {
    await add('A', '0912345678');
    await add('B', '0987654321');
    expect(names('2345')).toEqual(['A']);
    expect(names('5678')).toEqual(['A']);
    expect(names('0912 345 678')).toEqual(['A']);
    expect(names('+84 987 654')).toEqual(['B']);
    expect(names('54321')).toEqual(['B']);
    expect(names('9999')).toEqual([]);
  });

  it('finds a number kept as given (not a valid one) by its digits', () => {
    insertLead(t.core.db, leadFixture({ name: 'Sai số', phone: null, phoneAsGiven: '0912.34' }));
    expect(names('091234')).toEqual(['Sai số']);
  });

  it('folds every Vietnamese letter the way foldText does', () => {
    const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
    const letters: string[] = ['đ', 'Đ'];
    for (const vowel of 'aăâeêioôơuưy') {
      for (const tone of tones) {
        const l = (vowel + tone).normalize('NFC');
        letters.push(l, l.toUpperCase());
      }
    }
    letters.forEach((l, i) =>
      insertLead(
        t.core.db,
        leadFixture({ name: `x${l}q${i}z`, phone: `+849${String(10_000_000 + i)}` }),
      ),
    );
    const missed = letters.filter((l, i) => names(foldText(`x${l}q${i}z`)).length !== 1);
    expect(missed).toEqual([]);
  });

  it('keeps the index in step with inserts, updates and deletes from any code path', async () => {
    await add('Lê Văn Tám', '0912345678', 'hỏi giá');
    expect(names('hoi gia')).toEqual(['Lê Văn Tám']);
    t.core.db.prepare("UPDATE leads SET note = 'đã mua', name = 'Lê Tám'").run();
    expect(names('hoi gia')).toEqual([]);
    expect(names('da mua')).toEqual(['Lê Tám']);
    expect(names('le van')).toEqual([]);
    t.core.db.prepare("UPDATE leads SET phone_e164 = '+84987654321'").run();
    expect(names('2345')).toEqual([]);
    expect(names('7654')).toEqual(['Lê Tám']);
    t.core.db.prepare('DELETE FROM leads').run();
    expect(names('le tam')).toEqual([]);
  });

  it('pages newest first with a cursor, each lead once', async () => {
    for (let i = 0; i < 7; i++) await add(`Khách ${i}`, `091234567${i}`);
    await add('Người khác', '0987654321');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = search('khach', 3, cursor);
      seen.push(...page.items.map((l) => l.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `Khách ${i}`));
    expect(search('ab')).toEqual({ items: [], nextCursor: null });
  });

  it('refuses a cursor it did not make', () => {
    expect(() => search('khach', 3, 'x; DROP TABLE leads')).toThrow(AppError);
  });

  it('reads the index first and each lead by rowid', () => {
    const plan = t.core.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT leads.* FROM lead_search JOIN leads ON leads.rowid = lead_search.rowid
         WHERE lead_search MATCH 'abc' AND lead_search.rowid < 5 ORDER BY lead_search.rowid DESC LIMIT 5`,
      )
      .all()
      .map((r) => (r as { detail: string }).detail);
    expect(plan[0]).toMatch(/^SCAN lead_search VIRTUAL TABLE INDEX/);
    expect(plan[1]).toMatch(/^SEARCH leads USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(plan.join(' ')).not.toMatch(/TEMP B-TREE/);
  });
});
