import { useEffect } from 'react';

export type ShortcutMap = Record<string, () => void>;

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/**
 * Enter or Space on a button or a link is how the keyboard presses it: the control's own,
 * never a screen's shortcut (the queue's Enter would otherwise swallow every button's).
 */
function pressesControl(target: EventTarget | null, key: string): boolean {
  if (key !== 'Enter' && key !== ' ') return false;
  const el = target as HTMLElement | null;
  return !!el?.closest?.('button, a[href], summary, [role="button"], [role="link"]');
}

/** Keys like "n" or "Alt+1"; plain keys are ignored while the agent is typing in a field. */
export function shortcutName(
  e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>,
): string {
  const mods = [e.ctrlKey && 'Ctrl', e.metaKey && 'Meta', e.altKey && 'Alt'].filter(Boolean);
  return [...mods, e.key.length === 1 ? e.key.toLowerCase() : e.key].join('+');
}

export function useShortcuts(map: ShortcutMap): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A component that handled the key (the disposition panel's Enter, say) has the last word.
      if (e.defaultPrevented) return;
      const name = shortcutName(e);
      const plain = !name.includes('+');
      if (plain && (isTyping(e.target) || pressesControl(e.target, e.key))) return;
      const action = map[name];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [map]);
}
