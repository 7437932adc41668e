import { describe, expect, it } from 'vitest';
import { hotkeyAction } from '../../../src/renderer/phone/phoneHotkeys';

const key = (
  k: string,
  mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {},
) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('hotkeyAction', () => {
  it('maps the function keys to the phone actions', () => {
    expect(hotkeyAction(key('F2'))).toBe('answer');
    expect(hotkeyAction(key('F4'))).toBe('hangup');
    expect(hotkeyAction(key('F6'))).toBe('mute');
    expect(hotkeyAction(key('F7'))).toBe('hold');
    expect(hotkeyAction(key('F8'))).toBe('keypad');
  });

  it('leaves other keys and modifier combinations alone (Alt+F4 closes windows)', () => {
    expect(hotkeyAction(key('F4', { altKey: true }))).toBeNull();
    expect(hotkeyAction(key('F5'))).toBeNull();
    expect(hotkeyAction(key('a'))).toBeNull();
  });
});
