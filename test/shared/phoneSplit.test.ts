import { describe, expect, it } from 'vitest';
import { splitPhoneCell } from '../../src/shared/phoneSplit';

describe('a phone cell with two numbers', () => {
  const cases: [string, string, string][] = [
    ['0796.445.505 / 0781.530.871', '+84796445505', '+84781530871'],
    ['0796445505/0781530871', '+84796445505', '+84781530871'],
    ['0796445505 - 0781530871', '+84796445505', '+84781530871'],
    ['0773671106, 0566965705', '+84773671106', '+84566965705'],
    ['0773671106; 0566965705', '+84773671106', '+84566965705'],
    ['0398608843 hoặc 0789800857', '+84398608843', '+84789800857'],
    ['0398608843 & 0789800857', '+84398608843', '+84789800857'],
    // Old 11-digit and +84 forms on either side.
    ['01693537138 / +84 912 345 678', '+84393537138', '+84912345678'],
  ];
  it.each(cases)('%s → %s and %s', (cell, first, second) => {
    const r = splitPhoneCell(cell);
    expect(r.count).toBe(2);
    if (r.count !== 2) return;
    expect([r.first.e164, r.second.e164]).toEqual([first, second]);
    expect(`${r.first.asGiven}|${r.second.asGiven}`).not.toMatch(/[/,;&]|hoặc/);
  });

  it('leaves one number with dashes, dots or spaces as one', () => {
    for (const cell of ['0912-345-678', '0912.345.678', '+84 912 345 678', '(028) 3829 5555'])
      expect(splitPhoneCell(cell)).toEqual({ count: 1, asGiven: cell });
  });

  it('never cuts text, a date or an invalid half in two', () => {
    for (const cell of [
      'không có',
      '12/11/2026',
      '0912345678 / 12345',
      'gọi giờ hành chính, chiều',
    ])
      expect(splitPhoneCell(cell).count).toBe(1);
  });
});
