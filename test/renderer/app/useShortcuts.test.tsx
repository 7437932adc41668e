import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useShortcuts, type ShortcutMap } from '../../../src/renderer/app/useShortcuts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Screen({ map }: { map: ShortcutMap }) {
  useShortcuts(map);
  return (
    <div>
      <button type="button">Gác máy và gọi lại</button>
      <a href="#x">Mở</a>
      <p tabIndex={-1}>Danh sách</p>
    </div>
  );
}

describe('useShortcuts', () => {
  let host: HTMLElement;
  let root: Root;
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  async function render(map: ShortcutMap) {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    await act(async () => root.render(<Screen map={map} />));
  }

  /** Presses `key` on `target`; returns whether the page's default (the control's) survived. */
  const press = (target: Element, key: string) =>
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

  it("leaves Enter and Space on a button or a link to the control: that is the keyboard's click", async () => {
    const fired: string[] = [];
    await render({ Enter: () => fired.push('Enter'), ' ': () => fired.push('Space') });
    for (const el of [host.querySelector('button')!, host.querySelector('a')!]) {
      expect(press(el, 'Enter')).toBe(true);
      expect(press(el, ' ')).toBe(true);
    }
    expect(fired).toEqual([]);
    // Anywhere else the screen's Enter still works.
    expect(press(host.querySelector('p')!, 'Enter')).toBe(false);
    expect(fired).toEqual(['Enter']);
  });

  it('other keys on a button are still shortcuts', async () => {
    const fired: string[] = [];
    await render({ n: () => fired.push('n') });
    expect(press(host.querySelector('button')!, 'n')).toBe(false);
    expect(fired).toEqual(['n']);
  });
});
