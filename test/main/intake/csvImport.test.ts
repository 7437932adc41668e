import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importLeads, previewImport } from '../../../src/main/core/intake';
import { AppError } from '../../../src/shared/errors';
import { importReportCsv } from '../../../src/shared/importReportCsv';
import type { ImportReport } from '../../../src/shared/importTypes';
import { dumpDatabase } from '../../helpers/dbDump';
import { T0 } from '../../helpers/fakeClock';
import { csvLine, importRig, standardMapping, type ImportRig } from './importRig';

const HEADER = ['Họ tên', 'SĐT', 'Nguồn', 'Ghi chú', 'Thời gian'];
/** 25/11/2026 14:30 in Hồ Chí Minh City (UTC+7). */
const NOV25_1430 = Date.UTC(2026, 10, 25, 7, 30);

describe('CSV import', () => {
  let t: ImportRig;
  beforeEach(() => {
    t = importRig();
  });
  afterEach(() => t.dispose());

  const run = (path: string, mapping = standardMapping) =>
    importLeads(t.core.db, { path }, mapping, { now: t.clock.now() });

  it('reads UTF-8 with a BOM, CRLF, and quoted fields holding commas, quotes and line breaks', async () => {
    const rows = [
      HEADER,
      [
        'Nguyễn Văn A',
        '0912.345.678',
        'Facebook',
        'hỏi giá, "gấp"\r\ngọi lại sau 5h',
        '25/11/2026 14:30',
      ],
      ['Trần Thị B', '84987654321', 'Zalo', '', ''],
    ];
    const path = t.file('bom-crlf.csv', `\uFEFF${rows.map((r) => csvLine(r)).join('\r\n')}\r\n`);

    const preview = await previewImport({ path });
    expect(preview).toMatchObject({
      kind: 'csv',
      delimiter: ',',
      headers: HEADER,
      mapping: { hasHeader: true, columns: standardMapping.columns },
      warnings: [],
    });
    expect(preview.sampleRows).toHaveLength(2);

    const report = await run(path);
    expect(report.counts).toMatchObject({ rowsRead: 2, newLeads: 2, rejected: 0 });
    expect(t.leads()).toEqual([
      {
        name: 'Nguyễn Văn A',
        phone_e164: '+84912345678',
        phone_as_given: '0912.345.678',
        source: 'Facebook',
        note: 'hỏi giá, "gấp"\ngọi lại sau 5h',
        stage: 'new',
        next_action: 'call_now',
        received_at: NOV25_1430,
      },
      {
        name: 'Trần Thị B',
        phone_e164: '+84987654321',
        phone_as_given: '84987654321',
        source: 'Zalo',
        note: '',
        stage: 'new',
        next_action: 'call_now',
        received_at: T0,
      },
    ]);
  });

  it.each([
    ['semicolon', ';', (s: string) => Buffer.from(s, 'utf8')],
    ['tab', '\t', (s: string) => Buffer.from(s, 'utf8')],
    [
      'tab, UTF-16 (Excel "Unicode Text")',
      '\t',
      (s: string) => Buffer.from(`\uFEFF${s}`, 'utf16le'),
    ],
  ] as const)('detects the %s delimiter', async (_label, delimiter, encode) => {
    const rows = [
      HEADER,
      ['Phạm Văn D', '0987 654 321', 'TikTok', 'có dấu phẩy, và chấm; phẩy', '01/12/2026 08:05'],
      ['Đỗ Thị E', '912345678', '', '', ''],
    ];
    const path = t.file('d.csv', encode(`${rows.map((r) => csvLine(r, delimiter)).join('\n')}\n`));
    const preview = await previewImport({ path });
    expect(preview.delimiter).toBe(delimiter);
    expect(preview.headers).toEqual(HEADER);
    expect(preview.mapping.columns).toEqual(standardMapping.columns);

    const report = await run(path);
    expect(report.counts).toMatchObject({ rowsRead: 2, newLeads: 2 });
    expect(t.leads().map((l) => [l.name, l.phone_e164, l.note, l.received_at])).toEqual([
      ['Phạm Văn D', '+84987654321', 'có dấu phẩy, và chấm; phẩy', Date.UTC(2026, 11, 1, 1, 5)],
      ['Đỗ Thị E', '+84912345678', '', T0],
    ]);
  });

  describe('every row is accounted for', () => {
    // Row numbers as a spreadsheet shows them: the header is row 1.
    const file = [
      HEADER, //                                                                      1
      ['Nguyễn Văn A', '0912345678', 'Facebook', 'hỏi giá', ''], //                  2 new
      ['Nguyễn Văn A', '+84 912 345 678', 'Zalo', 'gọi lại', ''], //                 3 merged (in the file)
      ['Lê Văn C', '12345', '', '', ''], //                                           4 new, invalid number
      ['Hồ Thị D', '', '', '', ''], //                                                5 new, no number
      ['', '', 'Facebook', 'chỉ có ghi chú', ''], //                                  6 rejected
      [''], //                                                                        7 blank line
      ['', '', '', '', ''], //                                                        8 empty cells
      ['Võ Văn E', '01662345678', '', '', ''], //                                     9 new (old number)
      ['Công ty F', '(028) 3822 1234', '', '', ''], //                               10 new (landline)
      ['Bùi Thị G', '0987654321', '', '', 'hôm qua'], //                             11 new, time unreadable
      ['Đặng Văn H', '0977000111', '', '', '46000.5'], //                            12 new, Excel serial
      ['Khách cũ', '0903.111.222', 'Zalo', 'quan tâm lại', ''], //                   13 merged (in the database)
      ['Lê Văn C', '12345', 'Zalo', '', ''], //                                      14 merged (same number as given + name)
    ];
    const text = `${file.map((r) => csvLine(r)).join('\r\n')}\r\n\r\n\r\n`; // trailing blank lines

    it('as a new lead, a merge or a rejection, with a report line for each rejected or flagged row', async () => {
      // A lead the agent already worked: its stage and next action must survive the merge.
      const existing = await t.core.dispatch('leads.add', {
        name: 'Khách cũ',
        phone: '0903111222',
        source: 'Facebook',
        note: 'đã gọi',
      });
      expect(existing.ok).toBe(true);
      t.core.db.prepare("UPDATE leads SET stage = 'contact', next_action = 'none'").run();

      const progress: [number, number, number][] = [];
      const report = await importLeads(
        t.core.db,
        { path: t.file('all.csv', text) },
        standardMapping,
        {
          now: t.clock.now(),
          batchSize: 4,
          onProgress: ({ done, total, fraction }) => progress.push([done, total, fraction]),
        },
      );

      const dataRows = file.length - 1;
      expect(report.counts).toEqual({
        rowsRead: dataRows,
        newLeads: 7,
        mergedDuplicates: 3,
        unchanged: 0,
        rejected: 3,
        invalidPhones: 3,
      });
      expect(report.balanced).toBe(true);
      expect(report.counts.newLeads + report.counts.mergedDuplicates + report.counts.rejected).toBe(
        dataRows,
      );
      expect(report.cancelled).toBe(false);
      expect(report.lines.map((l) => [l.row, l.reason])).toEqual([
        [4, 'phone_invalid'],
        [5, 'phone_missing'],
        [6, 'no_name_no_phone'],
        [7, 'empty_row'],
        [8, 'empty_row'],
        [11, 'time_unreadable'],
        [14, 'phone_invalid'],
      ]);
      expect(report.lines.find((l) => l.row === 4)).toEqual({
        row: 4,
        reason: 'phone_invalid',
        name: 'Lê Văn C',
        phone: '12345',
      });

      // Progress after each batch of 4 rows, then the end: done = total.
      expect(progress.map(([done]) => done)).toEqual([4, 8, 12, 13, 13]);
      expect(progress.at(-1)).toEqual([13, 13, 1]);
      // Only the last report says the whole file is in.
      expect(progress.slice(0, -1).every(([, , f]) => f < 1)).toBe(true);

      const byName = new Map(t.leads().map((l) => [l.name, l]));
      expect(byName.size).toBe(8);
      expect(byName.get('Nguyễn Văn A')).toMatchObject({
        phone_e164: '+84912345678',
        source: 'Facebook; Zalo',
        note: 'hỏi giá\ngọi lại',
      });
      expect(byName.get('Khách cũ')).toMatchObject({
        stage: 'contact',
        next_action: 'none',
        source: 'Facebook; Zalo',
        note: 'đã gọi\nquan tâm lại',
      });
      expect(byName.get('Lê Văn C')).toMatchObject({
        phone_e164: null,
        phone_as_given: '12345',
        source: 'Zalo',
      });
      expect(byName.get('Hồ Thị D')).toMatchObject({ phone_e164: null, phone_as_given: '' });
      expect(byName.get('Võ Văn E')?.phone_e164).toBe('+84362345678');
      expect(byName.get('Công ty F')?.phone_e164).toBe('+842838221234');
      expect(byName.get('Bùi Thị G')?.received_at).toBe(T0);
      // Excel day 46000.5 = 2025-12-09 12:00 wall-clock time in Hồ Chí Minh City.
      expect(byName.get('Đặng Văn H')?.received_at).toBe(Date.UTC(2025, 11, 9, 5, 0));
    });

    it('and importing the same file again changes nothing', async () => {
      const path = t.file('again.csv', text);
      const first = await run(path);
      const before = dumpDatabase(t.core.db);
      t.clock.advance(3_600_000);
      const second = await run(path);
      expect(dumpDatabase(t.core.db)).toEqual(before);
      expect(second.counts).toEqual({
        rowsRead: first.counts.rowsRead,
        newLeads: 0,
        mergedDuplicates: first.counts.rowsRead - first.counts.rejected,
        unchanged: first.counts.rowsRead - first.counts.rejected,
        rejected: first.counts.rejected,
        invalidPhones: first.counts.invalidPhones,
      });
      expect(second.balanced).toBe(true);
    });
  });

  it('maps English headers in any order and leaves other columns alone', async () => {
    const path = t.file(
      'en.csv',
      [
        'Email,Full Name,Notes,Phone Number,Campaign,Created At',
        'a@x.vn,Nguyen Van A,call after 5pm,0912345678,Spring,2026-11-20 09:15',
      ].join('\n'),
    );
    const preview = await previewImport({ path });
    expect(preview.mapping).toEqual({
      hasHeader: true,
      columns: { name: 1, phone: 3, source: 4, note: 2, receivedAt: 5 },
      defaultSource: '',
    });
    const report = await run(path, { ...preview.mapping, defaultSource: 'unused' });
    expect(report.counts.newLeads).toBe(1);
    expect(t.leads()[0]).toMatchObject({
      name: 'Nguyen Van A',
      source: 'Spring',
      note: 'call after 5pm',
      received_at: Date.UTC(2026, 10, 20, 2, 15),
    });
  });

  it('lists at most the report limit of lines, and counts the rest', async () => {
    const rows = ['Họ tên,SĐT', ...Array.from({ length: 7 }, (_, i) => `Khách ${i},12${i}`)];
    const report = await importLeads(
      t.core.db,
      { path: t.file('bad.csv', rows.join('\n')) },
      standardMapping,
      { now: t.clock.now(), maxReportLines: 3 },
    );
    expect(report.counts).toMatchObject({ rowsRead: 7, invalidPhones: 7 });
    expect(report.lines.map((l) => l.row)).toEqual([2, 3, 4]);
    expect(report.linesOmitted).toBe(4);
  });

  it('gives rows without a source the default source', async () => {
    const path = t.file('src.csv', ['Tên,Điện thoại', 'An,0912345678'].join('\n'));
    const preview = await previewImport({ path });
    expect(preview.mapping.columns).toMatchObject({ name: 0, phone: 1, source: null });
    await run(path, { ...preview.mapping, defaultSource: 'Hội chợ 11/2026' });
    expect(t.leads()[0]?.source).toBe('Hội chợ 11/2026');
  });

  it('finds the phone and name columns of a file without headers by their cells', async () => {
    const path = t.file(
      'noheader.csv',
      ['Nguyễn Văn A,0912345678,ghi chú', 'Trần Thị B,0987654321,', 'Lê C,0903111222,x'].join('\n'),
    );
    const preview = await previewImport({ path });
    expect(preview.mapping).toMatchObject({
      hasHeader: false,
      columns: { name: 0, phone: 1, source: null, note: null, receivedAt: null },
    });
    const report = await run(path, preview.mapping);
    expect(report.counts).toMatchObject({ rowsRead: 3, newLeads: 3 });
  });

  it('converts a file that is not UTF-8 rather than only warning', async () => {
    // "Nguyễn" in Windows-1258 (ê, then the tilde as a combining mark) is not valid UTF-8.
    const path = t.file(
      'cp1258.csv',
      Buffer.from([0x48, 0x6f, 0x2c, 0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e, 0x0a]),
    );
    expect(await previewImport({ path })).toMatchObject({
      headers: ['Ho', 'Nguyễn'],
      encoding: 'windows1258',
      warnings: ['no_data_rows'],
    });
  });

  it('refuses a missing file and an unusable mapping, writing nothing', async () => {
    const missing = previewImport({ path: `${t.dir}/nope.csv` });
    await expect(missing).rejects.toBeInstanceOf(AppError);
    await expect(missing).rejects.toMatchObject({
      code: 'invalid_input',
      extra: { fields: [{ path: 'path', key: 'import_file_missing' }] },
    });
    const path = t.file('x.csv', 'a,b\n1,2\n');
    await expect(
      run(path, {
        hasHeader: true,
        columns: { name: null, phone: null, source: 0, note: 1, receivedAt: null },
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      extra: { fields: [{ path: 'columns', key: 'import_mapping_needs_name_or_phone' }] },
    });
    expect(t.leads()).toEqual([]);
  });

  it('writes the report as CSV with the reasons in Vietnamese or English', () => {
    const report: ImportReport = {
      counts: {
        rowsRead: 2,
        newLeads: 1,
        mergedDuplicates: 0,
        unchanged: 0,
        rejected: 1,
        invalidPhones: 1,
      },
      balanced: true,
      cancelled: false,
      lines: [
        { row: 2, reason: 'phone_invalid', name: 'Lê, Văn "C"', phone: '12345' },
        { row: 3, reason: 'no_name_no_phone', name: '', phone: '' },
        { row: 4, reason: 'phone_invalid', name: '=HYPERLINK("x")', phone: '+84 1' },
      ],
    };
    expect(importReportCsv(report, 'vi')).toBe(
      '\uFEFFDòng,Lý do,Họ tên,Số điện thoại (như trong tệp)\r\n' +
        '2,"Số điện thoại không hợp lệ — đã lưu, đánh dấu","Lê, Văn ""C""",12345\r\n' +
        '3,Không có tên và số điện thoại — bỏ qua,,\r\n' +
        '4,"Số điện thoại không hợp lệ — đã lưu, đánh dấu","\'=HYPERLINK(""x"")",\'+84 1\r\n',
    );
    expect(importReportCsv(report, 'en').split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFRow,Reason,Name,Phone (as in the file)',
      '2,"Invalid phone number — kept, flagged","Lê, Văn ""C""",12345',
      '3,No name and no phone number — skipped,,',
    ]);
  });
});
