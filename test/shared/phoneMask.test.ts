import { describe, expect, it } from 'vitest';
import {
  isMaskedPhone,
  maskPhone,
  maskNumbersForAgent,
  maskPhoneFields,
  maskPhonesInText,
  restoreMaskedNumbers,
  visibleDigits,
} from '../../src/shared/phoneMask';

describe('maskPhone', () => {
  it.each([
    ['+84912345678', '0912 *** 678'],
    ['0912345678', '0912 *** 678'],
    ['0912.345.678', '0912 *** 678'],
    ['+84 912 345 678', '0912 *** 678'],
    // Every form of one number shows the same digits: "8491"/"9123" beside "0912" would
    // give away a hidden one.
    ['84912345678', '0912 *** 678'],
    ['912345678', '0912 *** 678'],
    ['02838123456', '0283 *** 456'],
    ['01689123456', '0168 *** 456'],
  ])('%s → %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it('leaves no more than 7 of the digits visible', () => {
    const masked = maskPhone('+84987654321');
    expect(masked.replace(/\D/g, '')).toHaveLength(7);
    expect(masked).not.toContain('987654321');
  });

  it('is idempotent and leaves short strings (extensions, codes) alone', () => {
    expect(maskPhone(maskPhone('0912345678'))).toBe('0912 *** 678');
    expect(maskPhone('101')).toBe('101');
    expect(maskPhone('')).toBe('');
    expect(maskPhone('không có số')).toBe('không có số');
  });

  it('tells a masked number from a real one', () => {
    expect(isMaskedPhone('0912 *** 678')).toBe(true);
    expect(isMaskedPhone('+84912345678')).toBe(false);
    expect(isMaskedPhone(null)).toBe(false);
  });
});

describe('maskPhonesInText', () => {
  it('masks every number in free text in any common form', () => {
    const text =
      'gọi 0912345678 rồi +84 987 654 321, số cũ 0168.912.3456 và 84-912-000-111 không được';
    const out = maskPhonesInText(text);
    for (const full of ['0912345678', '987 654 321', '0168.912.3456', '912-000-111']) {
      expect(out).not.toContain(full);
    }
    expect(out).toContain('0912 *** 678');
    expect(out).toContain('gọi');
  });

  it('masks a number glued to the words around it', () => {
    expect(maskPhonesInText('SĐT0912345678, ĐT:0987654321 hoặc 0903111222nhé')).toBe(
      'SĐT0912 *** 678, ĐT:0987 *** 321 hoặc 0903 *** 222nhé',
    );
  });

  it('keeps ids, times and short numbers readable', () => {
    const text =
      'lead 3f2a9c41-7d1e-4b8a-9e55-0c6d2f7a8b90 at 2026-11-23T02:00:00.000Z took 41 ms, port ' +
      '5060, digest e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(maskPhonesInText(text)).toBe(text);
  });
});

describe('maskPhoneFields', () => {
  it('masks phone fields at any depth and nothing else', () => {
    const value = {
      items: [{ id: 'a', name: 'Lan 0912', phone: '+84912345678', phoneAsGiven: '0912345678' }],
      lead: { phone2: '0987654321', phone: null, note: 'gọi lại' },
      call: { number: '+84912345678', talkSeconds: 12 },
      order: { leadPhone: '+84912345678', phoneWrong: false, invalidPhones: 2 },
      numbers: { phones: ['0912345678'] },
      count: 3,
    };
    expect(maskPhoneFields(value)).toEqual({
      items: [{ id: 'a', name: 'Lan 0912', phone: '0912 *** 678', phoneAsGiven: '0912 *** 678' }],
      lead: { phone2: '0987 *** 321', phone: null, note: 'gọi lại' },
      call: { number: '0912 *** 678', talkSeconds: 12 },
      order: { leadPhone: '0912 *** 678', phoneWrong: false, invalidPhones: 2 },
      numbers: { phones: ['0912 *** 678'] },
      count: 3,
    });
    // The original is untouched (results are masked per connection).
    expect(value.items[0]!.phone).toBe('+84912345678');
  });
});

describe('visibleDigits', () => {
  it('gives the digits a mask shows, the same for every form of a number', () => {
    for (const form of ['+84912345678', '0912 345 678', '84912345678', '912345678']) {
      expect(visibleDigits(form)).toEqual({ head: '0912', tail: '678' });
    }
    expect(visibleDigits('101')).toBeNull();
  });
});

describe('maskNumbersForAgent', () => {
  it('masks phone fields and numbers in any text, never ids or cursors', () => {
    const value = {
      items: [
        {
          id: '0190a3b4-1234-7abc-8def-123456789012',
          phone: '+84912345678',
          note: 'gọi số 0912345678 nhé',
          address: '12 Lê Lợi, ĐT 0987.654.321',
        },
      ],
      timeline: [{ kind: 'note', text: 'số mới +84 903 111 222', leadId: 'x' }],
      nextCursor: '123456789012',
      rows: [['Lan', '0912345678']],
    };
    const out = maskNumbersForAgent(value);
    expect(out.items[0]).toEqual({
      id: '0190a3b4-1234-7abc-8def-123456789012',
      phone: '0912 *** 678',
      note: 'gọi số 0912 *** 678 nhé',
      address: '12 Lê Lợi, ĐT 0987 *** 321',
    });
    expect(out.timeline[0]!.text).toBe('số mới 0903 *** 222');
    expect(out.nextCursor).toBe('123456789012');
    expect(out.rows).toEqual([['Lan', '0912 *** 678']]);
    expect(JSON.stringify(out)).not.toMatch(/0912345678|654.321|111 222/);
  });
});

describe('restoreMaskedNumbers', () => {
  it('puts back the numbers a masked form showed, keeping what the agent changed', () => {
    const stored = 'gọi số 0912345678 nhé, hoặc 0912.000.678';
    const shown = maskPhonesInText(stored);
    expect(shown).toBe('gọi số 0912 *** 678 nhé, hoặc 0912 *** 678');
    expect(restoreMaskedNumbers(`${shown}. Đã gọi.`, stored)).toBe(`${stored}. Đã gọi.`);
  });

  it('leaves a masked number with no original, and text without masks, as typed', () => {
    expect(restoreMaskedNumbers('số 0987 *** 321', 'số 0912345678')).toBe('số 0987 *** 321');
    expect(restoreMaskedNumbers('không có số', 'số 0912345678')).toBe('không có số');
  });
});
