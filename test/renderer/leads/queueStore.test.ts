import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InvokeResult, Transport } from '../../../src/shared/api';
import { createClient } from '../../../src/renderer/api/client';
import { createQueueStore, PAGE_SIZE } from '../../../src/renderer/leads/queueStore';
import { nextActionView } from '../../../src/renderer/leads/queueView';
import { shortcutName } from '../../../src/renderer/app/useShortcuts';
import { T0 } from '../../helpers/fakeClock';
import { leadFixture } from '../../helpers/leadFixture';
import { tempCore, type TempCore } from '../../helpers/tempCore';

describe('the queue store', () => {
  let t: TempCore;
  let transport: Transport;
  let delayFor: (method: string, input: unknown) => number;

  beforeEach(() => {
    t = tempCore();
    delayFor = () => 0;
    transport = {
      invoke: async (method, input): Promise<InvokeResult> => {
        const ms = delayFor(method, input);
        if (ms) await new Promise((r) => setTimeout(r, ms));
        return t.core.dispatch(method, input);
      },
      on: (l) => t.core.onEvent(l),
    };
    for (let i = 0; i < PAGE_SIZE + 5; i++) {
      t.clock.advance(1000);
      t.core.handlers['leads.add']({
        name: `L${i}`,
        phone: `0912${String(100000 + i)}`,
        source: '',
        note: '',
      });
    }
  });
  afterEach(() => t.dispose());

  it('loads a page, then the next one, and counts the tabs', async () => {
    const store = createQueueStore(createClient(transport));
    await store.getState().reload();
    expect(store.getState().items).toHaveLength(PAGE_SIZE);
    expect(store.getState().counts.new).toBe(PAGE_SIZE + 5);
    expect(store.getState().items[0]!.name).toBe(`L${PAGE_SIZE + 4}`);
    await store.getState().loadMore();
    expect(store.getState().items).toHaveLength(PAGE_SIZE + 5);
    expect(store.getState().nextCursor).toBeNull();
    expect(new Set(store.getState().items.map((l) => l.id)).size).toBe(PAGE_SIZE + 5);
  });

  it('reads again as many rows as are shown when a change arrives, so the agent keeps their place', async () => {
    const store = createQueueStore(createClient(transport));
    await store.getState().reload();
    await store.getState().loadMore();
    const last = store.getState().items.at(-1)!;
    store.getState().select(last.id);
    // The team's pull (or any save) lands: the list is read again, not cut back to one page.
    t.clock.advance(1000);
    t.core.handlers['leads.add']({ name: 'Mới', phone: '0912999999', source: '', note: '' });
    await store.getState().reload();
    expect(store.getState().items).toHaveLength(PAGE_SIZE + 6);
    expect(store.getState().items[0]!.name).toBe('Mới');
    expect(store.getState().selectedId).toBe(last.id);
    // Another tab starts at its first page again.
    await store.getState().setStage('contact');
    await store.getState().setStage('new');
    expect(store.getState().items).toHaveLength(PAGE_SIZE);
  });

  it('never lets a slow answer for an old tab overwrite the tab the agent switched to', async () => {
    const store = createQueueStore(createClient(transport));
    delayFor = (_m, input) => ((input as { stage?: string }).stage === 'new' ? 50 : 0);
    const first = store.getState().setStage('new');
    const second = store.getState().setStage('contact');
    await Promise.all([first, second]);
    expect(store.getState().stage).toBe('contact');
    expect(store.getState().items).toEqual([]);
    expect(store.getState().status).toBe('ready');
  });

  it('keeps the error when main refuses, for the screen to show', async () => {
    const store = createQueueStore(
      createClient({
        invoke: async () => ({ ok: false, error: { code: 'internal', message: 'disk full' } }),
        on: () => () => {},
      }),
    );
    await store.getState().reload();
    expect(store.getState()).toMatchObject({ status: 'error', error: { code: 'internal' } });
  });
});

describe('queue view helpers', () => {
  const base = t0Lead();
  it('says "call now", a callback time, or nothing, and marks overdue callbacks', () => {
    expect(nextActionView(base, T0, 'Asia/Ho_Chi_Minh')).toEqual({
      key: 'call_now',
      overdue: false,
    });
    const cb = {
      ...base,
      nextAction: 'callback' as const,
      nextActionAt: Date.UTC(2026, 10, 25, 7, 30),
    };
    expect(nextActionView(cb, T0, 'Asia/Ho_Chi_Minh')).toEqual({
      key: 'callback',
      time: '14:30 25/11',
      overdue: false,
    });
    expect(nextActionView(cb, cb.nextActionAt, 'Asia/Ho_Chi_Minh').overdue).toBe(true);
  });

  it('names shortcuts the way the app binds them', () => {
    expect(shortcutName({ key: 'N', altKey: false, ctrlKey: false, metaKey: false })).toBe('n');
    expect(shortcutName({ key: '2', altKey: true, ctrlKey: false, metaKey: false })).toBe('Alt+2');
    expect(shortcutName({ key: 'Enter', altKey: false, ctrlKey: true, metaKey: false })).toBe(
      'Ctrl+Enter',
    );
  });
});

function t0Lead() {
  return leadFixture({
    id: '11111111-1111-4111-8111-111111111111',
    name: 'A',
    phone: '+84912345678',
    phoneAsGiven: '0912345678',
  });
}
