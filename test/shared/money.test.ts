import { describe, expect, it } from 'vitest';
import { formatVnd } from '../../src/shared/money';

describe('formatVnd', () => {
  it('writes VND the Vietnamese way: a dot every three digits, then ₫', () => {
    expect(formatVnd(1_250_000)).toBe('1.250.000 ₫');
    expect(formatVnd(450_000)).toBe('450.000 ₫');
    expect(formatVnd(1_000)).toBe('1.000 ₫');
    expect(formatVnd(999)).toBe('999 ₫');
    expect(formatVnd(0)).toBe('0 ₫');
    expect(formatVnd(12_345_678_901)).toBe('12.345.678.901 ₫');
  });

  it('rounds to whole dong and never writes -0', () => {
    expect(formatVnd(1_249_999.6)).toBe('1.250.000 ₫');
    expect(formatVnd(-0.4)).toBe('0 ₫');
    expect(formatVnd(-50_000)).toBe('-50.000 ₫');
  });

  it('does not follow the process locale (an English system still reads 1.250.000 ₫)', () => {
    expect(new Intl.NumberFormat('en-US').format(1_250_000)).toBe('1,250,000');
    expect(formatVnd(1_250_000)).toBe('1.250.000 ₫');
  });
});
