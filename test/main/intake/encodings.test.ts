import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importLeads, previewImport } from '../../../src/main/core/intake';
import type { ImportMappingInput } from '../../../src/shared/importTypes';
import { utf16, windows1252, windows1258 } from '../../helpers/codePages';
import { csvLine, importRig, leadRows, standardMapping, type ImportRig } from './importRig';

const HEADER = ['Họ tên', 'SĐT', 'Nguồn', 'Ghi chú', 'Thời gian'];
const ROWS = 8_000;
/** Two imports of 8,000 rows each on a machine shared with other work. */
const BIG_FILE_MS = 60_000;

/**
 * Marketing's list with every Vietnamese tone and letter in names, sources and notes, a quoted
 * note with a comma and a line break, and enough rows (over 1 MiB in any encoding) that the
 * import decodes it in several chunks.
 */
function vietnameseRows(delimiter: string): string {
  const rows = [
    HEADER,
    ['Nguyễn Thị Hồng Nhung', '0912.345.678', 'Facebook', 'hỏi giá, gọi tối\nsau 5h', ''],
    ['Đặng Văn Đức', '+84 987 654 321', 'Zalo', 'Ưu đãi ở Đà Nẵng', '25/11/2026 14:30'],
    ['Trần Quốc Tuấn', '01693537138', 'TikTok', 'khách ưng ý; sẽ mua', ''],
    ['Phạm Thị Ánh Tuyết', '0903111222', 'Giới thiệu', 'Ấp Mỹ Lợi, Cần Thơ — 5₫', ''],
    ['Võ Thị Ngọc Hân', '0977000111', 'Hội chợ', 'ỗ ờ ữ ự ỷ ỹ ỵ ẳ ẵ ặ', ''],
  ];
  for (let i = 0; i < ROWS - 5; i++) {
    rows.push([
      `Nguyễn Thị Hường ${i}`,
      `09${String(20_000_000 + i)}`,
      'Quảng cáo',
      `Khách hỏi về sản phẩm số ${i}: muốn được tư vấn thêm về giá, ưu đãi tháng này và cách giao hàng tận nơi ở Đà Nẵng`,
      '',
    ]);
  }
  return `${rows.map((r) => csvLine(r, delimiter)).join('\r\n')}\r\n`;
}

describe('files in other encodings', () => {
  let t: ImportRig;
  let reference: ImportRig;
  beforeEach(() => {
    t = importRig();
    reference = importRig();
  });
  afterEach(() => {
    t.dispose();
    reference.dispose();
  });

  /** Imports the text as UTF-8 in one database and as `bytes` in another; both must agree. */
  async function sameAsUtf8(
    text: string,
    bytes: Buffer,
    encoding: string,
    mapping: ImportMappingInput = standardMapping,
  ) {
    const utf8Path = reference.file('utf8.csv', text);
    const path = t.file('other.csv', bytes);
    const [expected, preview] = [
      await previewImport({ path: utf8Path }),
      await previewImport({ path }),
    ];
    expect(preview).toEqual({ ...expected, encoding });
    const options = (r: ImportRig) => ({ now: r.clock.now() });
    const wanted = await importLeads(
      reference.core.db,
      { path: utf8Path },
      mapping,
      options(reference),
    );
    const report = await importLeads(t.core.db, { path }, mapping, options(t));
    expect(report).toEqual(wanted);
    const rows = leadRows(t.core.db);
    expect(rows).toEqual(leadRows(reference.core.db));
    // The same NFC strings as the UTF-8 file: no combining tone left, nothing replaced.
    for (const r of rows) {
      expect(r.name).toBe(r.name.normalize('NFC'));
      expect(`${r.name}${r.note}${r.source}`).not.toMatch(/[\u0300-\u036f\uFFFD]/);
    }
    return rows;
  }

  it(
    'converts Windows-1258 (tones as combining marks) to the NFC text of the UTF-8 file',
    async () => {
      const text = vietnameseRows(',');
      const bytes = windows1258(text);
      // The fixture really is 1258 with combining tones: ễ is ê (0xEA) + tilde (0xDE).
      expect(bytes.includes(Buffer.from([0xea, 0xde]))).toBe(true);
      expect(bytes.length).toBeGreaterThan(1 << 20);
      const rows = await sameAsUtf8(text, bytes, 'windows1258');
      expect(rows.slice(0, 5).map((r) => r.name)).toEqual([
        'Nguyễn Thị Hồng Nhung',
        'Đặng Văn Đức',
        'Trần Quốc Tuấn',
        'Phạm Thị Ánh Tuyết',
        'Võ Thị Ngọc Hân',
      ]);
      expect(rows[0]!.note).toBe('hỏi giá, gọi tối\nsau 5h');
      expect(rows[3]!.note).toBe('Ấp Mỹ Lợi, Cần Thơ — 5₫');
      expect(rows.length).toBe(ROWS);
    },
    BIG_FILE_MS,
  );

  it('converts Windows-1252 (a Western export: ã, õ, ì, ò, ý are not Vietnamese tones there)', async () => {
    const rows = [
      ['Name', 'Phone', 'Source', 'Note', 'Received'],
      ['Lã Hoà', '0912345678', 'Website', 'café €5 “Zoë”', ''],
      ['Võ Tú', '0987654321', 'Referral', 'Mì Ý, Tòa nhà ÌÒ', ''],
      ['Ngô Bá Tý', '0903111222', 'Fair', 'señor Müller – ½ price', ''],
    ];
    const text = `${rows.map((r) => csvLine(r)).join('\r\n')}\r\n`;
    const leads = await sameAsUtf8(text, windows1252(text), 'windows1252');
    expect(leads.map((l) => [l.name, l.note])).toEqual([
      ['Lã Hoà', 'café €5 “Zoë”'],
      ['Võ Tú', 'Mì Ý, Tòa nhà ÌÒ'],
      ['Ngô Bá Tý', 'señor Müller – ½ price'],
    ]);
  });

  it.each([
    ['LE with a BOM (Excel’s “Unicode text”)', 'le', true, 'utf16le'],
    ['LE without a BOM', 'le', false, 'utf16le'],
    ['BE with a BOM', 'be', true, 'utf16be'],
    ['BE without a BOM', 'be', false, 'utf16be'],
  ] as const)(
    'reads UTF-16 %s, tab-delimited',
    async (_label, order, bom, encoding) => {
      const text = vietnameseRows('\t');
      const rows = await sameAsUtf8(text, utf16(text, order, bom), encoding);
      expect(rows.slice(0, 2).map((r) => r.name)).toEqual([
        'Nguyễn Thị Hồng Nhung',
        'Đặng Văn Đức',
      ]);
    },
    BIG_FILE_MS,
  );

  it('keeps a UTF-8 file with one stray byte UTF-8, and says so', async () => {
    const text = vietnameseRows(',').split('\r\n').slice(0, 50).join('\r\n');
    const bytes = Buffer.concat([
      Buffer.from(text.slice(0, 300), 'utf8'),
      Buffer.from([0xff]),
      Buffer.from(text.slice(300), 'utf8'),
    ]);
    const preview = await previewImport({ path: t.file('stray.csv', bytes) });
    expect(preview).toMatchObject({ encoding: 'utf8', warnings: ['not_utf8'] });
    expect(preview.sampleRows[0]![0]).toBe('Nguyễn Thị Hồng Nhung');
  });
});

describe('files that are no lead list', () => {
  let t: ImportRig;
  beforeEach(() => {
    t = importRig();
  });
  afterEach(() => t.dispose());

  const refusedAtPreview = async (path: string, key: string) =>
    expect(previewImport({ path })).rejects.toMatchObject({
      code: 'invalid_input',
      extra: { fields: [{ path: 'path', key }] },
    });
  const refused = async (path: string, key: string) => {
    await refusedAtPreview(path, key);
    await expect(
      importLeads(t.core.db, { path }, standardMapping, { now: t.clock.now() }),
    ).rejects.toMatchObject({ extra: { fields: [{ key }] } });
    expect(leadRows(t.core.db)).toEqual([]);
  };

  it('refuses 50 MB of random bytes named leads.csv, at preview and at import', async () => {
    // The file, whole; only its first 256 KiB are read to refuse it.
    await refused(t.file('leads.csv', randomBytes(50 * 1024 * 1024)), 'import_not_text');
  });

  it('refuses a file whose rows are mostly control characters, though it is valid UTF-8', async () => {
    const rows: string[] = [];
    for (let i = 0; i < 2000; i++) {
      rows.push(
        Array.from({ length: 5 }, (_, c) =>
          String.fromCharCode(1 + ((i + c) % 8), 0x0b, 0x1f, 0x41 + c),
        ).join(','),
      );
    }
    await refused(t.file('controls.csv', rows.join('\n')), 'import_not_text');
  });

  it('refuses an empty file, and one of blank lines, a BOM or empty cells only', async () => {
    await refused(t.file('empty.csv', ''), 'import_file_empty');
    await refused(t.file('blank.csv', '\uFEFF\r\n  \r\n\r\n'), 'import_file_empty');
    // (Imported anyway, it would read no row: its rows are blank.)
    await refusedAtPreview(t.file('cells.csv', ',,,\r\n,,\r\n'), 'import_file_empty');
  });

  it('says at preview that a file has its header row only', async () => {
    const path = t.file('header.csv', `\uFEFF${HEADER.join(',')}\r\n\r\n`);
    const preview = await previewImport({ path });
    expect(preview).toMatchObject({
      headers: HEADER,
      sampleRows: [],
      mapping: { hasHeader: true },
      warnings: ['no_data_rows'],
    });
    // One row of data without headers: the same warning, and the mapping says it is no header
    // (the renderer warns only while "the first row is headers" is ticked).
    const one = await previewImport({ path: t.file('one.csv', 'Nguyễn Văn A,0912345678\n') });
    expect(one).toMatchObject({ mapping: { hasHeader: false }, warnings: ['no_data_rows'] });

    const book = new ExcelJS.Workbook();
    book.addWorksheet('Data').addRow(HEADER);
    const xlsx = t.file('header.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(await previewImport({ path: xlsx })).toMatchObject({
      headers: HEADER,
      warnings: ['no_data_rows'],
    });
  });
});
