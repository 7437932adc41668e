import { describe, expect, it } from 'vitest';
import { exportPhone } from '../../../src/main/core/export/exportPhone';
import { formatPhone } from '../../../src/shared/phone';

describe('phone numbers in exports', () => {
  it('writes mobiles the way libphonenumber-js formats them, on every mobile prefix', () => {
    for (const prefix of ['32', '39', '52', '59', '70', '79', '81', '89', '90', '99']) {
      for (const rest of ['0000000', '1234567', '9876543']) {
        const e164 = `+84${prefix}${rest}`;
        expect(exportPhone(e164, ''), e164).toBe(formatPhone(e164, ''));
      }
    }
    expect(exportPhone('+84912345678', '0912.345.678')).toBe('0912 345 678');
  });

  it('leaves landlines to libphonenumber-js, and writes an invalid number as given', () => {
    expect(exportPhone('+842438251234', '')).toBe(formatPhone('+842438251234', ''));
    expect(exportPhone('+842438251234', '')).toMatch(/^024 /);
    expect(exportPhone(null, '12345')).toBe('12345');
  });
});
