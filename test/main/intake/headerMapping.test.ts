import { describe, expect, it } from 'vitest';
import { detectMapping } from '../../../src/main/core/intake/headerMapping';

const columnsOf = (headers: string[], rows: unknown[][] = []) =>
  detectMapping(headers, rows).columns;

describe('detectMapping', () => {
  it.each([
    [['Họ tên', 'SĐT', 'Nguồn', 'Ghi chú', 'Thời gian']],
    [['HỌ VÀ TÊN', 'Số điện thoại', 'Kênh', 'Nội dung', 'Ngày nhận']],
    [['Tên khách hàng', 'Điện thoại', 'Chiến dịch', 'Yêu cầu', 'Ngày tạo']],
    [['Name', 'Phone', 'Source', 'Note', 'Time']],
    [['Full name', 'Mobile', 'utm_source', 'Comments', 'Created at']],
    [['ho ten', 'so dt', 'nguon', 'ghi chu', 'thoi gian']],
  ])('reads %j', (headers) => {
    expect(columnsOf(headers)).toEqual({ name: 0, phone: 1, source: 2, note: 3, receivedAt: 4 });
    expect(detectMapping(headers, []).hasHeader).toBe(true);
  });

  it('prefers the better name for a field and uses each column once', () => {
    expect(columnsOf(['STT', 'Khách hàng', 'Tên khách hàng', 'Số điện thoại khách'])).toEqual({
      name: 2,
      phone: 3,
      source: null,
      note: null,
      receivedAt: null,
    });
  });

  it('does not take a row of data for headers', () => {
    const m = detectMapping(['Ghi chú', '0912345678'], [['x', '0987654321']]);
    expect(m.hasHeader).toBe(false);
    expect(m.columns.phone).toBe(1);
  });

  it('finds a phone column whose header it does not know, by its cells', () => {
    const m = detectMapping(
      ['Họ tên', 'Liên lạc'],
      [
        ['A', '0912345678'],
        ['B', 912345678],
        ['C', 'không có'],
      ],
    );
    expect(m.columns).toMatchObject({ name: 0, phone: 1 });
  });

  it('proposes nothing when it recognises nothing', () => {
    const m = detectMapping(['12', '2026'], [['7', '8']]);
    expect(m).toEqual({
      hasHeader: false,
      columns: { name: null, phone: null, source: null, note: null, receivedAt: null },
      defaultSource: '',
    });
  });
});
