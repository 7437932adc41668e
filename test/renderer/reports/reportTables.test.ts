import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/renderer/i18n';
import {
  callsPerDayTable,
  conversionsTable,
  outcomesTable,
  perAgentTable,
  tableCsv,
} from '../../../src/renderer/reports/reportTables';
import type { Reports } from '../../../src/shared/reportTypes';

const day = (d: string, calls: number, reached: number, talkSeconds: number) => ({
  day: d,
  calls,
  reached,
  talkSeconds,
  callbacksDue: 0,
  callbacksDone: 0,
  callbacksMissed: 0,
  callbacksUpcoming: 0,
});

const reports: Reports = {
  from: 0,
  to: 1,
  timeZone: 'Asia/Ho_Chi_Minh',
  agentsRecorded: true,
  days: [day('2026-11-22', 3, 1, 100), day('2026-11-23', 0, 0, 0)],
  agents: [
    {
      agentId: 'a1',
      name: 'Trương Thị Lan',
      code: 'NV07',
      calls: 3,
      reached: 1,
      talkSeconds: 100,
      orders: 1,
      orderValue: 900_000,
    },
    {
      agentId: null,
      name: '',
      code: '',
      calls: 1,
      reached: 0,
      talkSeconds: 0,
      orders: 0,
      orderValue: 0,
    },
  ],
  outcomes: [
    { code: 'new.converted', labelVi: 'Convert', labelEn: 'Converted', color: '#000000', count: 1 },
    {
      code: 'new.not_reachable',
      labelVi: 'Chưa gọi được',
      labelEn: 'Not reachable',
      color: '#000000',
      count: 2,
    },
  ],
  conversions: {
    newLeads: 10,
    newCalled: 4,
    converted: 1,
    contactCalled: 2,
    ordered: 1,
    orders: 1,
    orderValue: 900_000,
    paidValue: 0,
  },
};

describe('the tables behind the report charts', () => {
  const vi = createI18n('vi').t;
  const en = createI18n('en').t;

  it('shows each day with its reach rate, 0 when there were no calls', () => {
    expect(callsPerDayTable(reports, vi)).toEqual({
      headers: ['Ngày', 'Cuộc gọi', 'Gặp được', 'Tỉ lệ gặp (%)'],
      rows: [
        ['22/11/2026', 3, 1, 33.3],
        ['23/11/2026', 0, 0, 0],
      ],
    });
  });

  it('names agents, and the calls recorded without one', () => {
    expect(perAgentTable(reports, en).rows.map((r) => r[0])).toEqual([
      'Trương Thị Lan (NV07)',
      'This computer (no agent recorded)',
    ]);
  });

  it('gives outcome shares and conversion rates in the chosen language', () => {
    expect(outcomesTable(reports, en, 'en').rows).toEqual([
      ['Converted', 1, 33.3],
      ['Not reachable', 2, 66.7],
    ]);
    const conv = conversionsTable(reports, vi).rows;
    expect(conv.find((r) => r[0] === 'Convert (→ Data contact / Đơn hàng)')).toEqual([
      'Convert (→ Data contact / Đơn hàng)',
      1,
      25,
    ]);
    expect(conv.find((r) => r[0] === 'Lên đơn (Data contact → Đơn hàng)')![2]).toBe(50);
  });

  it('marks money as VND: the screen writes 900.000 ₫, the CSV the plain number', () => {
    const conv = conversionsTable(reports, vi);
    const value = conv.rows.find((r) => r[0] === 'Giá trị đơn (VNĐ)')!;
    expect(value[1]).toEqual({ vnd: 900_000 });
    expect(tableCsv(conv)).toContain('\r\nGiá trị đơn (VNĐ),900000,\r\n');
    expect(perAgentTable(reports, en).rows.map((r) => r[6])).toContainEqual({ vnd: 900_000 });
  });

  it('writes a table as CSV with a BOM, quoting what needs it', () => {
    const csv = tableCsv({ headers: ['Kết quả', 'Số lượng'], rows: [['Máy bận, thuê bao', 2]] });
    expect(csv).toBe('\uFEFFKết quả,Số lượng\r\n"Máy bận, thuê bao",2\r\n');
  });
});
