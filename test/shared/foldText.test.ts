import { describe, expect, it } from 'vitest';
import { foldText, foldWords } from '../../src/shared/foldText';

describe('foldText', () => {
  it('finds accented Vietnamese from a query typed without diacritics', () => {
    expect(foldText('Nguyễn Văn A')).toBe('nguyen van a');
    expect(foldText('Đặng Thị Hường')).toBe('dang thi huong');
    expect(foldText('ĐỖ ĐỨC ĐẠT')).toBe('do duc dat');
  });

  it('folds every Vietnamese vowel with each of the five tone marks, in both cases', () => {
    const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
    const vowels: [string, string][] = [
      ['a', 'a'],
      ['ă', 'a'],
      ['â', 'a'],
      ['e', 'e'],
      ['ê', 'e'],
      ['i', 'i'],
      ['o', 'o'],
      ['ô', 'o'],
      ['ơ', 'o'],
      ['u', 'u'],
      ['ư', 'u'],
      ['y', 'y'],
    ];
    for (const [vowel, plain] of vowels) {
      for (const tone of tones) {
        const letter = (vowel + tone).normalize('NFC');
        expect(foldText(letter), letter).toBe(plain);
        expect(foldText(letter.toUpperCase()), letter.toUpperCase()).toBe(plain);
      }
    }
  });

  it('treats decomposed (NFD) text like composed text', () => {
    expect(foldText('Nguyễn'.normalize('NFD'))).toBe('nguyen');
  });

  it('leaves digits and punctuation as they are', () => {
    expect(foldText('0912.345.678')).toBe('0912.345.678');
    expect(foldText('Số ĐT: 0912')).toBe('so dt: 0912');
  });

  it('foldWords turns punctuation runs into single spaces', () => {
    expect(foldWords('  Số điện thoại (SĐT) ')).toBe('so dien thoai sdt');
    expect(foldWords('Họ_và_tên')).toBe('ho va ten');
  });
});
