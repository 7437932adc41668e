import { describe, expect, it } from 'vitest';
import { callerNumber, dialString } from '../../../../src/renderer/phone/sip/dialPlan';

const national = { dialPrefix: '', dialPlan: 'national' as const };
const e164 = { dialPrefix: '', dialPlan: 'e164' as const };

describe('dialString', () => {
  it('turns a stored E.164 Vietnamese number into the national form', () => {
    expect(dialString('+84912345678', national)).toBe('0912345678');
  });

  it('keeps E.164 for a trunk that wants it', () => {
    expect(dialString('+84912345678', e164)).toBe('+84912345678');
  });

  it('normalises what an agent types before applying the plan', () => {
    for (const typed of ['0912.345.678', '0912 345 678', '84912345678', '+84 912 345 678']) {
      expect(dialString(typed, national), typed).toBe('0912345678');
      expect(dialString(typed, e164), typed).toBe('+84912345678');
    }
  });

  it('puts the outside-line prefix before phone numbers only', () => {
    const withNine = { dialPrefix: '9', dialPlan: 'national' as const };
    expect(dialString('+84912345678', withNine)).toBe('90912345678');
    expect(dialString('1003', withNine)).toBe('1003');
  });

  it('dials foreign numbers with the international access code in the national plan', () => {
    expect(dialString('+6591234567', national)).toBe('006591234567');
    expect(dialString('+6591234567', e164)).toBe('+6591234567');
  });

  it('dials extensions and service codes as typed', () => {
    expect(dialString('1003', national)).toBe('1003');
    expect(dialString('*98#', national)).toBe('*98#');
  });

  it('refuses what cannot be dialled', () => {
    expect(dialString('', national)).toBeNull();
    expect(dialString('abc', national)).toBeNull();
    expect(dialString('09 12-ab', national)).toBeNull();
  });
});

describe('callerNumber', () => {
  it('strips separators from a SIP user part and keeps a plus', () => {
    expect(callerNumber('+84-912.345.678')).toBe('+84912345678');
    expect(callerNumber(undefined)).toBe('');
  });
});
