import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../src/renderer/api/client';
import type { ExportReport } from '../../../src/shared/exportTypes';
import { T0 } from '../../helpers/fakeClock';
import { tempCore, type TempCore } from '../../helpers/tempCore';
import {
  bulkInsertLeads,
  clientOf,
  makeSupervisor,
  newId,
  VIETNAMESE_NAMES,
  type BulkLead,
} from './exportRig';

const COUNT = 100_000;
const MINUTE = 60_000;

function* generated(): Generator<BulkLead> {
  for (let i = 0; i < COUNT; i++) {
    yield {
      name: `${VIETNAMESE_NAMES[i % VIETNAMESE_NAMES.length]} ${i}`,
      phone: `+849${String(10_000_000 + i).padStart(8, '0')}`,
      stage: i % 10 === 0 ? 'contact' : 'new',
      customerStatus: i % 10 === 0 ? 'customer.contacted' : null,
      source: `Chiến dịch ${i % 7}`,
      note: i % 1000 === 0 ? 'Khách hỏi giá, "gọi lại" sau, ưu tiên' : '',
      // One lead a minute, back from T0.
      receivedAt: T0 - i * MINUTE,
    };
  }
}

/** Every row of the first sheet, read back with exceljs's streaming reader. */
async function readXlsx(path: string): Promise<{ sheet: string; rows: unknown[][] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
  }) as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row> & { name?: string }>;
  const rows: unknown[][] = [];
  let sheet = '';
  for await (const ws of reader) {
    sheet = ws.name ?? '';
    for await (const row of ws) rows.push((row.values as unknown[]).slice(1));
    break;
  }
  return { sheet, rows };
}

describe('exporting 100,000 leads', () => {
  let t: TempCore;
  let client: Client;
  const progress: { id: string; done: number; total: number }[] = [];

  beforeAll(() => {
    t = tempCore();
    makeSupervisor(t.core.db);
    expect(bulkInsertLeads(t.core.db, generated())).toBe(COUNT);
    client = clientOf(t);
    t.core.onEvent((event, payload) => {
      if (event === 'export.progress') progress.push(payload as (typeof progress)[number]);
    });
  });
  afterAll(() => t.dispose());

  it('to XLSX with Vietnamese headers: every row, text intact, dates in local time', async () => {
    const id = newId();
    const report: ExportReport = await client.call('exports.start', {
      id,
      kind: 'leads',
      format: 'xlsx',
    });
    expect(report).toMatchObject({ id, rows: COUNT, cancelled: false, format: 'xlsx' });
    expect(dirname(report.path)).toBe(`${t.dir}/exports`);
    expect(report.path).toMatch(/leads-20261123-0900\.xlsx$/);

    const { sheet, rows } = await readXlsx(report.path);
    expect(sheet).toBe('Data');
    expect(rows.length).toBe(COUNT + 1);
    const header = rows[0]!;
    expect(header.slice(0, 9)).toEqual([
      'Họ tên',
      'Số điện thoại',
      'Số điện thoại 2',
      'Nguồn',
      'Thư mục',
      'Trạng thái khách hàng',
      'Tác nghiệp cần',
      'Gọi lại lúc',
      'Kết quả gần nhất',
    ]);
    const col = (name: string) => header.indexOf(name);
    // Rows in the order the leads were added.
    const first = rows[1]!;
    expect(first[col('Họ tên')]).toBe('Nguyễn Thị Hường 0');
    expect(first[col('Số điện thoại')]).toBe('0910 000 000');
    expect(first[col('Thư mục')]).toBe('Data contact');
    expect(first[col('Trạng thái khách hàng')]).toBe('Đã liên lạc');
    expect(first[col('Nguồn')]).toBe('Chiến dịch 0');
    expect(first[col('Ghi chú')]).toBe('Khách hỏi giá, "gọi lại" sau, ưu tiên');
    // A real date holding the wall-clock time in Hồ Chí Minh City (T0 = 09:00 there).
    expect(first[col('Thời gian nhận')]).toEqual(new Date(Date.UTC(2026, 10, 23, 9, 0)));
    const second = rows[2]!;
    expect(second[col('Họ tên')]).toBe('Đặng Văn Đức 1');
    expect(second[col('Thời gian nhận')]).toEqual(new Date(Date.UTC(2026, 10, 23, 8, 59)));
    const last = rows[COUNT]!;
    expect(last[col('Họ tên')]).toBe(`${VIETNAMESE_NAMES[(COUNT - 1) % 6]} ${COUNT - 1}`);
    expect(last[col('Số điện thoại')]).toBe('0910 099 999');
    const names = new Set(rows.slice(1).map((r) => r[col('Họ tên')]));
    expect(names.size).toBe(COUNT);

    // Progress in pages, ending at the total.
    const mine = progress.filter((p) => p.id === id);
    expect(mine.length).toBeGreaterThan(10);
    expect(mine.every((p) => p.total === COUNT)).toBe(true);
    expect(mine.map((p) => p.done)).toEqual([...mine.map((p) => p.done)].sort((a, b) => a - b));
    expect(mine[mine.length - 1]!.done).toBe(COUNT);
  }, 120_000);

  it('to CSV with English headers: UTF-8 with a BOM, every row, dd/MM/yyyy HH:mm', async () => {
    await client.call('settings.update', { language: 'en' });
    const report = await client.call('exports.start', {
      id: newId(),
      kind: 'leads',
      format: 'csv',
      fileName: 'Danh sách data tháng 11',
    });
    expect(report.rows).toBe(COUNT);
    expect(report.path.endsWith('/exports/Danh sách data tháng 11.csv')).toBe(true);
    const bytes = readFileSync(report.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(rows.length).toBe(COUNT);
    expect(header!.slice(0, 9)).toEqual([
      'Name',
      'Phone',
      'Phone 2',
      'Source',
      'Folder',
      'Customer status',
      'Next action',
      'Call back at',
      'Last outcome',
    ]);
    const col = (name: string) => header!.indexOf(name);
    expect(rows[0]![col('Name')]).toBe('Nguyễn Thị Hường 0');
    expect(rows[0]![col('Folder')]).toBe('Contact data');
    expect(rows[0]![col('Customer status')]).toBe('Contacted');
    expect(rows[0]![col('Note')]).toBe('Khách hỏi giá, "gọi lại" sau, ưu tiên');
    expect(rows[0]![col('Received at')]).toBe('23/11/2026 09:00');
    expect(rows[1]![col('Name')]).toBe('Đặng Văn Đức 1');
    expect(rows[1]![col('Received at')]).toBe('23/11/2026 08:59');
    // 1,440 minutes back: the day before, same time.
    expect(rows[1440]![col('Received at')]).toBe('22/11/2026 09:00');
    expect(rows[COUNT - 1]![col('Phone')]).toBe('0910 099 999');
    expect(new Set(rows.map((r) => r[col('Name')])).size).toBe(COUNT);
    await client.call('settings.update', { language: 'vi' });
  }, 120_000);

  it('is cancelled between pages and leaves no file behind', async () => {
    const id = newId();
    const off = t.core.onEvent((event, payload) => {
      if (event === 'export.progress' && (payload as { done: number }).done > 0) {
        void client.call('exports.cancel', { id });
      }
    });
    const before = readdirSync(`${t.dir}/exports`);
    const report = await client.call('exports.start', { id, kind: 'leads', format: 'xlsx' });
    off();
    expect(report.cancelled).toBe(true);
    expect(report.rows).toBeGreaterThan(0);
    expect(report.rows).toBeLessThan(COUNT);
    expect(report.path).toBe('');
    expect(readdirSync(`${t.dir}/exports`)).toEqual(before);
    expect(existsSync(report.path)).toBe(false);
  }, 60_000);
});
