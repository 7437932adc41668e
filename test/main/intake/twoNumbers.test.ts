import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importLeads } from '../../../src/main/core/intake';
import { searchLeads } from '../../../src/main/core/leads/db/search';
import { csvLine, importRig, standardMapping, type ImportRig } from './importRig';

const SEPARATORS = [' / ', '/', ' - ', ', ', '; ', ' hoặc ', ' & '];

function numbers(i: number): [string, string] {
  return [`079${String(6_445_500 + i)}`, `078${String(1_530_800 + i)}`];
}

describe('two numbers in one phone cell', () => {
  let t: ImportRig;
  beforeEach(() => {
    t = importRig();
  });
  afterEach(() => t.dispose());

  const phones = () =>
    t.core.db
      .prepare('SELECT name, phone_e164, phone2_e164, note FROM leads ORDER BY name')
      .all() as { name: string; phone_e164: string; phone2_e164: string | null; note: string }[];

  it('keeps the first as the phone and the second as the second number, flagged, for every separator', async () => {
    const header = 'Họ tên,SĐT,Nguồn,Ghi chú,Thời gian';
    const rows = SEPARATORS.map((sep, i) => {
      const [a, b] = numbers(i);
      return csvLine([`Khách ${i}`, `${a}${sep}${b}`, 'Facebook', '', '']);
    });
    const report = await importLeads(
      t.core.db,
      { path: t.file('two.csv', [header, ...rows].join('\n')) },
      standardMapping,
      { now: t.clock.now() },
    );
    expect(report.counts).toMatchObject({ rowsRead: 7, newLeads: 7, invalidPhones: 0 });
    expect(report.lines.map((l) => [l.row, l.reason])).toEqual(
      SEPARATORS.map((_, i) => [i + 2, 'two_numbers']),
    );
    expect(phones()).toEqual(
      SEPARATORS.map((_, i) => {
        const [a, b] = numbers(i);
        return {
          name: `Khách ${i}`,
          phone_e164: `+84${a.slice(1)}`,
          phone2_e164: `+84${b.slice(1)}`,
          note: '',
        };
      }),
    );
    // Both numbers find the lead.
    const [, second] = numbers(3);
    expect(
      searchLeads(t.core.db, { query: second, limit: 5, cursor: null }).items.map((l) => l.name),
    ).toEqual(['Khách 3']);
  });

  it('sees both numbers when it looks for duplicates, in the file and in the database', async () => {
    const [a, b] = numbers(0);
    const [c] = numbers(1);
    const file = [
      'Họ tên,SĐT,Nguồn,Ghi chú,Thời gian',
      csvLine(['Chị Hà', `${a} / ${b}`, 'Facebook', '', '']),
      // The second number alone, later in the file: the same customer.
      csvLine(['Chị Hà (Zalo)', b, 'Zalo', 'nhắn Zalo', '']),
      // A third number with the first: the lead has a second one already, so it goes to the note.
      csvLine(['Hà', `${a}, ${c}`, 'TikTok', '', '']),
    ].join('\n');
    const report = await importLeads(
      t.core.db,
      { path: t.file('dup.csv', file) },
      standardMapping,
      {
        now: t.clock.now(),
      },
    );
    expect(report.counts).toMatchObject({ rowsRead: 3, newLeads: 1, mergedDuplicates: 2 });
    const [lead] = phones();
    expect(lead).toMatchObject({
      name: 'Chị Hà',
      phone_e164: `+84${a.slice(1)}`,
      phone2_e164: `+84${b.slice(1)}`,
    });
    expect(lead!.note).toContain('nhắn Zalo');
    expect(lead!.note).toContain(c);

    // A later file with the second number merges too.
    const again = await importLeads(
      t.core.db,
      { path: t.file('later.csv', `Họ tên,SĐT,Nguồn,Ghi chú,Thời gian\nHà,${b},Hotline,,\n`) },
      standardMapping,
      { now: t.clock.now() },
    );
    expect(again.counts).toMatchObject({ newLeads: 0, mergedDuplicates: 1 });
    expect(phones()).toHaveLength(1);
  });
});
