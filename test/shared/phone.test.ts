import { describe, expect, it } from 'vitest';
import { checkPhone, formatPhone } from '../../src/shared/phone';

describe('checkPhone', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['84912345678', '+84912345678'],
    [' 0987 654 321 ', '+84987654321'],
    ['02438251234', '+842438251234'],
  ])('accepts %s as %s', (input, e164) => {
    expect(checkPhone(input)).toMatchObject({ valid: true, e164 });
  });

  it.each([
    ['', 'phone_required'],
    ['   ', 'phone_required'],
    ['0123', 'phone_invalid'],
    ['abc', 'phone_invalid'],
    ['0912345678901234', 'phone_invalid'],
  ])('refuses %j with %s', (input, reason) => {
    expect(checkPhone(input)).toEqual({ valid: false, reason });
  });

  it('shows numbers in national format, or as given when there is no valid one', () => {
    expect(formatPhone('+84912345678', '0912.345.678')).toBe('0912 345 678');
    expect(formatPhone(null, '0123')).toBe('0123');
  });
});
