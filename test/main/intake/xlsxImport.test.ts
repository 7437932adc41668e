import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importLeads, previewImport } from '../../../src/main/core/intake';
import { T0 } from '../../helpers/fakeClock';
import { importRig, standardMapping, type ImportRig } from './importRig';

async function writeWorkbook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const first = book.addWorksheet('Khách tháng 11');
  first.addRow(['Họ tên', 'Số điện thoại', 'Nguồn', 'Ghi chú', 'Thời gian']);
  // A phone typed as a number (Excel drops the 0), a real date cell (wall-clock time: exceljs
  // writes a Date's UTC fields), rich text, a formula with its result, a hyperlink.
  first.addRow([
    'Nguyễn Văn A',
    912345678,
    'Facebook',
    'hỏi giá\ngọi lại',
    new Date(Date.UTC(2026, 10, 25, 14, 30)),
  ]);
  first.addRow([
    { richText: [{ text: 'Trần ' }, { text: 'Thị B', font: { bold: true } }] },
    '0987.654.321',
    { formula: '"Za"&"lo"', result: 'Zalo' },
    { text: 'xem trang', hyperlink: 'https://example.vn' },
    '01/12/2026 08:05',
  ]);
  first.getRow(5).values = ['Lê Văn C', 'không có', '', '', '']; // row 4 left out: not in the file
  first.getRow(6).values = ['Nguyễn Văn A', '+84 912 345 678', 'Zalo', '', ''];
  const second = book.addWorksheet('Tháng 12');
  second.addRow(['Tên', 'SĐT']);
  second.addRow(['Phạm D', '0903111222']);
  await book.xlsx.writeFile(path);
}

describe('XLSX import', () => {
  let t: ImportRig;
  let path: string;
  beforeEach(async () => {
    t = importRig();
    path = join(t.dir, 'leads.xlsx');
    await writeWorkbook(path);
  });
  afterEach(() => t.dispose());

  it('previews the first sheet, lists every sheet and detects the mapping', async () => {
    const preview = await previewImport({ path });
    expect(preview).toMatchObject({
      kind: 'xlsx',
      sheetNames: ['Khách tháng 11', 'Tháng 12'],
      sheet: 'Khách tháng 11',
      headers: ['Họ tên', 'Số điện thoại', 'Nguồn', 'Ghi chú', 'Thời gian'],
      mapping: { hasHeader: true, columns: standardMapping.columns },
    });
    expect(preview.sampleRows[0]).toEqual([
      'Nguyễn Văn A',
      '912345678',
      'Facebook',
      'hỏi giá\ngọi lại',
      '25/11/2026 14:30',
    ]);
    expect(preview.sampleRows[1]?.slice(0, 3)).toEqual(['Trần Thị B', '0987.654.321', 'Zalo']);
  });

  it('imports the first sheet: numbers, dates, rich text, formulas, links; row numbers as in Excel', async () => {
    const report = await importLeads(t.core.db, { path }, standardMapping, {
      now: t.clock.now(),
    });
    expect(report.counts).toEqual({
      rowsRead: 4,
      newLeads: 3,
      mergedDuplicates: 1,
      unchanged: 0,
      rejected: 0,
      invalidPhones: 1,
    });
    expect(report.balanced).toBe(true);
    expect(report.lines).toEqual([
      { row: 5, reason: 'phone_invalid', name: 'Lê Văn C', phone: 'không có' },
    ]);
    expect(t.leads().map((l) => [l.name, l.phone_e164, l.source, l.note, l.received_at])).toEqual([
      [
        'Nguyễn Văn A',
        '+84912345678',
        'Facebook; Zalo',
        'hỏi giá\ngọi lại',
        Date.UTC(2026, 10, 25, 7, 30),
      ],
      ['Trần Thị B', '+84987654321', 'Zalo', 'xem trang', Date.UTC(2026, 11, 1, 1, 5)],
      ['Lê Văn C', null, '', '', T0],
    ]);
  });

  it('imports a chosen sheet, and refuses one that does not exist', async () => {
    const preview = await previewImport({ path, sheet: 'Tháng 12' });
    expect(preview.mapping.columns).toMatchObject({ name: 0, phone: 1 });
    const report = await importLeads(t.core.db, { path, sheet: 'Tháng 12' }, preview.mapping, {
      now: t.clock.now(),
    });
    expect(report.counts).toMatchObject({ rowsRead: 1, newLeads: 1 });
    expect(t.leads().map((l) => l.name)).toEqual(['Phạm D']);

    await expect(
      importLeads(t.core.db, { path, sheet: 'Không có' }, preview.mapping, { now: t.clock.now() }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      extra: { fields: [{ path: 'sheet', key: 'import_sheet_not_found' }] },
    });
  });

  it('reports a file that is not a workbook', async () => {
    const bad = t.file('bad.xlsx', 'not a zip');
    await expect(previewImport({ path: bad })).rejects.toMatchObject({
      code: 'invalid_input',
      extra: { fields: [{ path: 'path', key: 'import_file_unreadable' }] },
    });
  });
});
