import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError, type Client } from '../../../src/renderer/api/client';
import { exportPages } from '../../../src/main/core/export/db/exportQueries';
import {
  ExportFilter,
  type ExportFilterInput,
  type ExportKind,
} from '../../../src/shared/exportTypes';
import { writeSettings } from '../../../src/main/core/settings/db/settings';
import { T0 } from '../../helpers/fakeClock';
import { tempCore, type TempCore } from '../../helpers/tempCore';
import { allowRepeatCalls, seedWork, type SeededWork } from '../../helpers/workSeed';
import { clientOf, makeSupervisor, newId } from './exportRig';

// T0 is 09:00 in Hồ Chí Minh City; day 0 starts at its midnight.
const DAY0 = T0 - 9 * 3_600_000;
const DAY = 86_400_000;

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiCallError) return err.error;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('exports of leads, calls and orders', () => {
  let t: TempCore;
  let client: Client;
  let work: SeededWork;

  beforeEach(async () => {
    t = tempCore();
    makeSupervisor(t.core.db);
    client = clientOf(t);
    allowRepeatCalls(t.core.db);
    work = await seedWork(client, t.clock, DAY0);
  });
  afterEach(() => t.dispose());

  async function csv(kind: ExportKind, filter: ExportFilterInput = {}) {
    const report = await client.call('exports.start', { id: newId(), kind, format: 'csv', filter });
    const text = readFileSync(report.path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows.length).toBe(report.rows);
    return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
  }

  it('filters leads by time received, stage, customer status, source and last outcome', async () => {
    const names = async (filter: ExportFilterInput) =>
      (await csv('leads', filter)).map((r) => r['Họ tên']).sort();
    expect(await names({})).toHaveLength(6);
    expect(await names({ from: DAY0, to: DAY0 + DAY })).toEqual([
      'Nguyễn Thị Hường',
      'Đặng Văn Bình',
    ]);
    expect(await names({ stage: 'order' })).toEqual(['Lê Văn Dũng', 'Nguyễn Thị Hường']);
    expect(await names({ source: 'Zalo' })).toEqual([
      'Lê Văn Dũng',
      'Võ Văn Giang',
      'Đặng Văn Bình',
    ]);
    expect(await names({ customerStatus: 'customer.not_reachable' })).toEqual([
      'Phạm Thị Em',
      'Võ Văn Giang',
      'Đặng Văn Bình',
    ]);
    expect(await names({ outcome: 'new.not_interested' })).toEqual(['Trần Thị Cúc']);
    expect(await names({ source: 'Zalo', stage: 'new', from: DAY0 - 2 * DAY, to: DAY0 })).toEqual([
      'Võ Văn Giang',
    ]);

    const [binh] = await csv('leads', { from: DAY0 + 9 * 3_600_000, to: DAY0 + DAY });
    expect(binh).toMatchObject({
      'Họ tên': 'Đặng Văn Bình',
      'Số điện thoại': '0912 000 102',
      Nguồn: 'Zalo',
      'Thư mục': 'Data mới',
      'Trạng thái khách hàng': 'Không liên lạc được',
      'Kết quả gần nhất': 'Chưa gọi được',
      'Thời gian nhận': '23/11/2026 09:00',
    });
  });

  it('writes calls with times, talk seconds, end cause and outcome, filtered by day and outcome', async () => {
    const all = await csv('calls');
    expect(all).toHaveLength(8);
    // In the order they started.
    expect(all.map((c) => c['Khách hàng'])).toEqual([
      'Phạm Thị Em',
      'Võ Văn Giang',
      'Trần Thị Cúc',
      'Lê Văn Dũng',
      'Nguyễn Thị Hường',
      'Đặng Văn Bình',
      'Đặng Văn Bình',
      'Nguyễn Thị Hường',
    ]);
    const closing = all[7]!;
    expect(closing).toMatchObject({
      'Bắt đầu': '23/11/2026 11:00',
      'Nghe máy lúc': '23/11/2026 11:00',
      'Kết thúc': '23/11/2026 11:01',
      'Thời gian đàm thoại (giây)': '90',
      'Chiều gọi': 'Gọi đi',
      'Gọi bằng': 'Softphone',
      'Số gọi': '0912 000 101',
      Nguồn: 'Facebook',
      'Lý do kết thúc': 'local_hangup',
      'Kết quả cuộc gọi': 'Đã chốt đơn (đã thanh toán)',
    });
    expect(Object.keys(closing)).toContain('Nhân viên');
    expect(all[0]).toMatchObject({ 'Gọi bằng': 'Máy khác', 'Kết quả cuộc gọi': 'Sai số / Số ảo' });
    expect(all[6]).toMatchObject({ 'Thời gian đàm thoại (giây)': '45', 'Kết quả cuộc gọi': '' });

    const today = await csv('calls', { from: DAY0, to: DAY0 + DAY });
    expect(today).toHaveLength(4);
    const notReached = await csv('calls', { outcome: 'new.not_reachable' });
    expect(notReached.map((c) => c['Lý do kết thúc'])).toEqual(['no_answer', 'busy']);
    const fromFacebook = await csv('calls', { source: 'Facebook', stage: 'order' });
    expect(fromFacebook).toHaveLength(2);
  });

  it('writes orders with items, totals and states, filtered by state, in XLSX too', async () => {
    await client.call('orders.update', {
      id: (await client.call('orders.list', {})).items.find((o) => o.leadName === 'Lê Văn Dũng')!
        .id,
      state: 'confirmed',
    });
    const orders = await csv('orders');
    expect(orders).toHaveLength(2);
    expect(orders[0]).toMatchObject({
      'Ngày tạo': '22/11/2026 14:00',
      'Khách hàng': 'Lê Văn Dũng',
      'Số điện thoại': '0912 000 104',
      'Sản phẩm': 'Liệu trình 1 tháng × 2',
      'Số lượng': '2',
      'Tổng tiền (VNĐ)': '900000',
      'Thanh toán': 'Chưa thanh toán',
      'Trạng thái đơn': 'Đã xác nhận',
    });
    expect(orders[1]).toMatchObject({
      'Khách hàng': 'Nguyễn Thị Hường',
      'Tổng tiền (VNĐ)': '1500000',
      'Thanh toán': 'Đã thanh toán',
      'Trạng thái đơn': 'Mới',
    });
    expect(await csv('orders', { orderState: 'new' })).toHaveLength(1);

    await client.call('settings.update', { language: 'en' });
    const report = await client.call('exports.start', {
      id: newId(),
      kind: 'orders',
      format: 'xlsx',
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(report.path);
    const sheet = book.getWorksheet('Orders')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(1).value).toBe('Created');
    const row = sheet.getRow(3);
    expect(row.getCell(2).value).toBe('Nguyễn Thị Hường');
    expect(row.getCell(7).value).toBe(1_500_000);
    expect(row.getCell(7).numFmt).toBe('#,##0');
    expect(row.getCell(1).value).toEqual(new Date(Date.UTC(2026, 10, 23, 11, 0)));
    expect(row.getCell(1).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(row.getCell(8).value).toBe('Paid');
  });

  it('names the agent of each call and order, and filters by agent', async () => {
    const agent = await client.call('agent.set', { name: 'Trương Thị Lan', code: 'NV07' });
    const lead = await client.call('leads.add', { name: 'Hồ Văn Khải', phone: '0912000199' });
    await client.call('dispositions.save', { leadId: lead.id, statusCode: 'new.not_interested' });
    // Setting the agent claims this install's earlier work too (sync, issue 7).
    const mine = await csv('calls', { agentId: agent.id });
    expect(mine).toHaveLength(9);
    expect(mine.find((c) => c['Khách hàng'] === 'Hồ Văn Khải')).toMatchObject({
      'Nhân viên': 'Trương Thị Lan (NV07)',
    });
    expect(new Set(mine.map((c) => c['Nhân viên']))).toEqual(new Set(['Trương Thị Lan (NV07)']));
    expect(await csv('orders', { agentId: agent.id })).toHaveLength(2);
    expect(await csv('calls', { agentId: newId() })).toHaveLength(0);
  });

  it('writes times in the configured time zone', async () => {
    // The time zone is an admin's setting; this test is about the export, not the role.
    writeSettings(t.core.db, { timeZone: 'Europe/Paris' });
    const [binh] = await csv('leads', { source: 'Zalo', stage: 'new', from: DAY0 });
    // 09:00 in Hồ Chí Minh City is 03:00 in Paris (UTC+1 in November).
    expect(binh!['Thời gian nhận']).toBe('23/11/2026 03:00');
  });

  it('refuses a bad range or file name with a reason, and writes nothing', async () => {
    const range = await errorOf(
      client.call('exports.start', {
        id: newId(),
        kind: 'leads',
        format: 'csv',
        filter: { from: DAY0, to: DAY0 },
      }),
    );
    expect(range.code).toBe('invalid_input');
    expect(range.fields).toContainEqual({ path: 'filter.to', key: 'range_invalid' });
    const name = await errorOf(
      client.call('exports.start', {
        id: newId(),
        kind: 'leads',
        format: 'csv',
        fileName: '../../outside',
      }),
    );
    expect(name.fields).toContainEqual({ path: 'fileName', key: 'file_name_invalid' });
    expect(work.now).toBe(t.clock.now());
  });

  it('never overwrites an earlier export of the same name', async () => {
    const first = await client.call('exports.start', {
      id: newId(),
      kind: 'calls',
      format: 'csv',
      fileName: 'cuộc gọi',
    });
    const second = await client.call('exports.start', {
      id: newId(),
      kind: 'calls',
      format: 'csv',
      fileName: 'cuộc gọi.csv',
    });
    expect(first.path.endsWith('/cuộc gọi.csv')).toBe(true);
    expect(second.path.endsWith('/cuộc gọi (2).csv')).toBe(true);
  });
});

describe('export queries', () => {
  it('page through rows that share a time without losing or repeating any', () => {
    const t = tempCore();
    try {
      const insert = t.core.db.prepare(
        `INSERT INTO calls (id, lead_id, direction, via, number, started_at)
         VALUES (?, NULL, 'outbound', 'manual', '0912000000', ?)`,
      );
      const insertOrder = t.core.db.prepare(
        `INSERT INTO orders (id, lead_id, total, payment, state, created_at, updated_at)
         VALUES (?, ?, 0, 'pending', 'new', ?, ?)`,
      );
      const leadId = t.core.db.transaction(() => {
        const lead = newId();
        t.core.db
          .prepare(
            `INSERT INTO leads (id, name, phone_as_given, stage, next_action, received_at, created_at, updated_at)
             VALUES (?, 'Khách', '', 'order', 'none', 1, 1, 1)`,
          )
          .run(lead);
        for (let i = 0; i < 100; i++) {
          insert.run(newId(), 1000 + (i % 3));
          insertOrder.run(newId(), lead, 1000 + (i % 3), 1000);
        }
        return lead;
      })();
      expect(leadId).toBeTruthy();
      for (const kind of ['calls', 'orders'] as const) {
        for (const filter of [{}, { from: 1001 }]) {
          const pages = exportPages(t.core.db, kind, ExportFilter.parse(filter), 7);
          const ids: string[] = [];
          for (let rows = pages.next(); rows.length > 0; rows = pages.next()) {
            ids.push(...rows.map((r) => r.id));
          }
          const expected = 'from' in filter ? 66 : 100;
          expect(ids.length, `${kind} ${JSON.stringify(filter)}`).toBe(expected);
          expect(new Set(ids).size).toBe(expected);
        }
      }
    } finally {
      t.dispose();
    }
  });

  it('read every page as one range of an index, without sorting', () => {
    const t = tempCore();
    try {
      const plan = (kind: ExportKind, filter: ExportFilterInput) => {
        const { sql } = exportPages(t.core.db, kind, ExportFilter.parse(filter), 500);
        return (
          t.core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({
            from: 1,
            to: 2,
            kTime: 0,
            kTie: 0,
            pageSize: 500,
          }) as { detail: string }[]
        )
          .map((r) => r.detail)
          .join(' | ');
      };
      const calls = plan('calls', { from: 1, to: 2 });
      // The row value (time, tie) > (?, ?) starts each page's range at the cursor's time.
      expect(calls).toContain('SEARCH c USING INDEX calls_started (started_at>? AND started_at<?)');
      const orders = plan('orders', { from: 1 });
      expect(orders).toContain('SEARCH o USING INDEX orders_created ((created_at,id)>(?,?))');
      const leads = plan('leads', { from: 1, to: 2 });
      expect(leads).toContain('SEARCH l USING INTEGER PRIMARY KEY (rowid>?)');
      for (const p of [calls, orders, leads]) expect(p).not.toContain('TEMP B-TREE');
    } finally {
      t.dispose();
    }
  });
});
