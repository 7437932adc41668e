import { afterEach, describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  createInvokeHandler,
  createIpcSessions,
  EVENT_CHANNEL,
  type SenderLike,
} from '../../../src/main/electron/ipc';
import { TEST_PIN } from '../../helpers/access';
import { tempCore, type TempCore } from '../../helpers/tempCore';

class Sender implements SenderLike {
  readonly sent: unknown[][] = [];
  private destroyed: (() => void)[] = [];
  constructor(readonly id: number) {}
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  once(_event: 'destroyed', listener: () => void) {
    this.destroyed.push(listener);
  }
  destroy() {
    for (const l of this.destroyed) l();
  }
}

describe('IPC sessions (one per window)', () => {
  let t: TempCore;
  afterEach(() => t.dispose());

  it('keeps each sender’s role, unlock and events its own', async () => {
    t = tempCore({ role: 'agent' });
    const sessions = createIpcSessions(t.core.openSession);
    const handle = createInvokeHandler((e) => sessions.of(e.sender?.id));
    const a = new Sender(1);
    const b = new Sender(2);
    sessions.attach(a);
    sessions.attach(b);
    const from = (s: Sender) => ({ senderFrame: { url: `${APP_ORIGIN}/index.html` }, sender: s });
    const product = { code: 'LT1', name: 'Liệu trình', unitPrice: 100_000 };

    expect(await handle(from(a), 'products.save', product)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await handle(from(a), 'auth.unlock', { pin: TEST_PIN })).toMatchObject({ ok: true });
    expect(await handle(from(a), 'products.save', product)).toMatchObject({ ok: true });
    expect(await handle(from(b), 'products.save', { ...product, code: 'LT2' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    await handle(from(b), 'leads.add', { name: 'Chị Lan', phone: '0912345678' });
    for (const s of [a, b]) {
      expect(s.sent).toContainEqual([EVENT_CHANNEL, 'leads.changed', expect.anything()]);
    }

    // A closed window's session ends with it; a sender nobody attached gets nothing.
    a.destroy();
    expect(await handle(from(a), 'leads.list', { stage: 'new' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await handle(from(new Sender(9)), 'leads.list', { stage: 'new' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const before = a.sent.length;
    await handle(from(b), 'leads.add', { name: 'Anh Minh', phone: '0987654321' });
    expect(a.sent).toHaveLength(before);
  });
});
