/**
 * The phone's keys. Function keys, because they work while the agent types a note (letters
 * would land in the text field) and no browser or OS binds F2/F4/F6/F7/F8 in this app.
 */
export const PHONE_HOTKEYS = {
  answer: 'F2',
  hangup: 'F4',
  mute: 'F6',
  hold: 'F7',
  keypad: 'F8',
} as const;

export type PhoneHotkeyAction = keyof typeof PHONE_HOTKEYS;

/** The action bound to a key, or null (modifier combinations are left to others). */
export function hotkeyAction(
  e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): PhoneHotkeyAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  const found = Object.entries(PHONE_HOTKEYS).find(([, key]) => key === e.key);
  return found ? (found[0] as PhoneHotkeyAction) : null;
}
