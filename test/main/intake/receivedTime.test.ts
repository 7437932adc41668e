import { describe, expect, it } from 'vitest';
import { createTimeReader } from '../../../src/main/core/intake/receivedTime';

const read = createTimeReader('Asia/Ho_Chi_Minh');
/** Wall-clock time in Hồ Chí Minh City (UTC+7) as an instant. */
const hcm = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) =>
  Date.UTC(y, mo - 1, d, h - 7, mi, s);

describe('the received-time column', () => {
  it.each([
    ['25/11/2026 14:30', hcm(2026, 11, 25, 14, 30)],
    ['5/1/2026 9:05', hcm(2026, 1, 5, 9, 5)],
    ['25-11-2026 14:30:15', hcm(2026, 11, 25, 14, 30, 15)],
    ['25.11.2026', hcm(2026, 11, 25)],
    ['14:30 25/11/2026', hcm(2026, 11, 25, 14, 30)],
    ['2026-11-25 14:30', hcm(2026, 11, 25, 14, 30)],
    ['2026-11-25T14:30:00Z', Date.UTC(2026, 10, 25, 14, 30)],
    ['2026-11-25T14:30:00+09:00', Date.UTC(2026, 10, 25, 5, 30)],
    ['46000.5', hcm(2025, 12, 9, 12)], // an Excel serial written out as text
  ])('reads %j', (text, instant) => {
    expect(read(text)).toBe(instant);
  });

  it('reads Excel date cells as wall-clock times, and serial numbers', () => {
    expect(read(new Date(Date.UTC(2026, 10, 25, 14, 30)))).toBe(hcm(2026, 11, 25, 14, 30));
    expect(read(46000.25)).toBe(hcm(2025, 12, 9, 6));
  });

  it('tells an empty cell (undefined) from one it cannot read (null)', () => {
    expect(read('')).toBeUndefined();
    expect(read('   ')).toBeUndefined();
    expect(read(undefined)).toBeUndefined();
    for (const bad of [
      'hôm qua',
      '31/02/2026',
      '25/13/2026',
      '25/11/26',
      '24:00 01/01/2026',
      12,
      true,
    ]) {
      expect(read(bad), String(bad)).toBeNull();
    }
  });

  it('follows the zone it is given', () => {
    expect(createTimeReader('UTC')('25/11/2026 14:30')).toBe(Date.UTC(2026, 10, 25, 14, 30));
  });
});
