import { describe, expect, it } from 'vitest';
import { appendNote, appendSource } from '../../../src/main/core/intake/mergeText';

describe('merging a duplicate row', () => {
  it('appends a new source once', () => {
    expect(appendSource('Facebook', 'Zalo')).toBe('Facebook; Zalo');
    expect(appendSource('Facebook; Zalo', 'Zalo')).toBe('Facebook; Zalo');
    expect(appendSource('', 'Zalo')).toBe('Zalo');
    expect(appendSource('Facebook', '')).toBe('Facebook');
    expect(appendSource('Facebook Ads', 'Facebook')).toBe('Facebook Ads; Facebook');
  });

  it('appends a new note once, as whole lines', () => {
    expect(appendNote('hỏi giá', 'gọi lại')).toBe('hỏi giá\ngọi lại');
    expect(appendNote('hỏi giá\ngọi lại', 'gọi lại')).toBe('hỏi giá\ngọi lại');
    expect(appendNote('gọi lại sau', 'gọi lại')).toBe('gọi lại sau\ngọi lại');
    expect(appendNote('a\nb\nc', 'b\nc')).toBe('a\nb\nc');
    expect(appendNote('', 'x')).toBe('x');
  });
});
