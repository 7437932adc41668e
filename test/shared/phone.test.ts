import { describe, expect, it } from 'vitest';
import {
  checkPhone,
  formatPhone,
  normalisePhone,
  normaliseWithLibrary,
} from '../../src/shared/phone';
import { readPhoneForm, renumber2018, renumbered2018 } from '../../src/shared/phoneForms';
import {
  buildPrefixTable,
  metadataValidator,
  PrefixVerdict,
  prefixVerdict,
} from '../../src/shared/phonePrefixTable';

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

describe('every form a number arrives in', () => {
  it.each([
    ['0912.345.678'],
    ['84912345678'],
    ['+84 912 345 678'],
    ['+84912345678'],
    ['912345678'], // Excel ate the leading zero
    ["'0912345678"], // Excel's text quote
    ['="0912345678"'], // Excel's formula-escaped CSV
    ['0912 345 678'],
    ['0912-345-678'],
    ['(091) 234-5678'],
    ['0912/345/678'],
    ['\t0912\u00a0345\u00a0678 '],
    ['0084 912 345 678'],
    ['+84 (0) 912 345 678'],
    ['840912345678'],
  ])('reads %j as +84912345678', (input) => {
    expect(normalisePhone(input)).toEqual({ valid: true, e164: '+84912345678' });
    expect(checkPhone(input)).toEqual({
      valid: true,
      e164: '+84912345678',
      national: '0912 345 678',
    });
  });
});

describe('the 2018 renumbering of 11-digit mobiles', () => {
  const table: [string, string][] = [
    ['0162', '032'],
    ['0163', '033'],
    ['0164', '034'],
    ['0165', '035'],
    ['0166', '036'],
    ['0167', '037'],
    ['0168', '038'],
    ['0169', '039'],
    ['0120', '070'],
    ['0121', '079'],
    ['0122', '077'],
    ['0126', '076'],
    ['0128', '078'],
    ['0123', '083'],
    ['0124', '084'],
    ['0125', '085'],
    ['0127', '081'],
    ['0129', '082'],
    ['0186', '056'],
    ['0188', '058'],
    ['0199', '059'],
  ];

  it("covers exactly the issue's table", () => {
    expect(Object.entries(renumbered2018).sort()).toEqual([...table].sort());
  });

  it.each(table)('%s xxx xxxx becomes %s xxx xxxx, in every form', (old, now) => {
    const rest = '4567890';
    const e164 = `+84${now.slice(1)}${rest}`;
    for (const input of [
      `${old}${rest}`,
      `${old}.${rest.slice(0, 3)}.${rest.slice(3)}`,
      `84${old.slice(1)}${rest}`,
      `+84 ${old.slice(1)} ${rest}`,
      `${old.slice(1)}${rest}`, // the leading zero eaten
      // Full-width digits (an East Asian keyboard, a chat), zero-width spaces from a web page.
      [...`${old}${rest}`].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join(''),
      `\u200b${old} ${rest}\u200b`,
    ]) {
      expect(normalisePhone(input), input).toEqual({ valid: true, e164 });
    }
  });

  it('leaves an 11-digit number with another prefix alone (and invalid)', () => {
    expect(readPhoneForm('01301234567')).toEqual({ kind: 'national', national: '01301234567' });
    expect(normalisePhone('01301234567')).toEqual({ valid: false, reason: 'phone_invalid' });
  });
});

describe('landlines', () => {
  it.each([
    ['024 3825 1234', '+842438251234', '024 3825 1234'], // Hà Nội
    ['(028) 3822 1234', '+842838221234', '028 3822 1234'], // Hồ Chí Minh City
    ['2838221234', '+842838221234', '028 3822 1234'], // zero eaten
    ['+84 28 3822 1234', '+842838221234', '028 3822 1234'],
    ['0236 3821 234', '+842363821234', '0236 3821 234'], // Đà Nẵng
  ])('%s is %s (%s)', (input, e164, national) => {
    expect(checkPhone(input)).toEqual({ valid: true, e164, national });
  });
});

describe('invalid and empty numbers', () => {
  it.each([
    ['', 'phone_required'],
    ["'", 'phone_required'],
    ['0992345678', 'phone_invalid'], // 099 2… is not allocated
    ['0112345678', 'phone_invalid'],
    ['091234567', 'phone_invalid'], // a digit short
    ['09123456789', 'phone_invalid'], // a digit long
    ['0912345678 / 0987654321', 'phone_invalid'],
    ['không có', 'phone_invalid'],
    ['+84', 'phone_invalid'],
  ])('%j → %s', (input, reason) => {
    expect(normalisePhone(input)).toEqual({ valid: false, reason });
  });

  it('accepts a valid foreign number as libphonenumber-js reads it', () => {
    expect(normalisePhone('+1 415 555 2671')).toEqual({ valid: true, e164: '+14155552671' });
  });
});

describe('the fast path', () => {
  // Deterministic digits, so a failure names the same number on every run.
  function digits(seed: number) {
    let s = seed >>> 0;
    return (n: number) => {
      let out = '';
      for (let i = 0; i < n; i++) {
        s = (Math.imul(s, 1103515245) + 12345) >>> 0;
        out += String((s >>> 16) % 10);
      }
      return out;
    };
  }

  it('decides most Vietnamese numbers without the library', () => {
    expect(prefixVerdict('912345678')).toBe(PrefixVerdict.Valid);
    expect(prefixVerdict('2438251234')).toBe(PrefixVerdict.Valid);
    expect(prefixVerdict('992345678')).toBe(PrefixVerdict.Invalid);
    expect(prefixVerdict('12345')).toBe(PrefixVerdict.AskLibrary);
  });

  it('agrees with libphonenumber-js on every 4-digit prefix of 9- and 10-digit numbers', () => {
    const next = digits(42);
    let checked = 0;
    const disagreements: string[] = [];
    for (const length of [9, 10]) {
      for (let p = 0; p < 10_000; p++) {
        for (let k = 0; k < 3; k++) {
          const national = `0${String(p).padStart(4, '0')}${next(length - 4)}`;
          const fast = normalisePhone(national);
          const lib = normaliseWithLibrary(renumber2018(national));
          checked++;
          if (JSON.stringify(fast) !== JSON.stringify(lib)) disagreements.push(national);
        }
      }
    }
    expect(checked).toBe(60_000);
    expect(disagreements.slice(0, 10)).toEqual([]);
  });

  it('agrees with libphonenumber-js on numbers written in other forms', () => {
    const next = digits(7);
    const disagreements: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const national = `0${['9', '3', '8', '7', '5', '2', '1'][i % 7]}${next(i % 2 ? 8 : 9)}`;
      const forms = [
        `+84 ${national.slice(1)}`,
        `${national.slice(0, 4)}.${national.slice(4, 7)}.${national.slice(7)}`,
        `'${national}`,
      ];
      // The library knows nothing of 2018: it judges the renumbered form.
      const lib = normaliseWithLibrary(renumber2018(national));
      for (const input of forms) {
        if (JSON.stringify(normalisePhone(input)) !== JSON.stringify(lib)) {
          disagreements.push(input);
        }
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
  });

  it('builds the same table from the metadata on every run', () => {
    const isValid = metadataValidator('VN');
    expect(buildPrefixTable(9, isValid)).toEqual(buildPrefixTable(9, isValid));
    // Mobile prefixes 03x, 05x, 07x, 08x, 09x are in it; 01x and 06x (outside 0672) are not.
    const mobile = buildPrefixTable(9, isValid);
    expect(mobile[9123]).toBe(PrefixVerdict.Valid);
    expect(mobile[3212]).toBe(PrefixVerdict.Valid);
    expect(mobile[6212]).toBe(PrefixVerdict.Invalid);
  });
});
