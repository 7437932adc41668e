import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLog } from '../../../src/main/core/infra/log';
import { startHost, type Host } from '../../../src/main/host/server';
import { createClient, type Client } from '../../../src/renderer/api/client';
import { createWebSocketTransport } from '../../../src/renderer/api/websocketTransport';
import type { Lead } from '../../../src/shared/domain';
import { tempCore, type TempCore } from '../../helpers/tempCore';

const MIN = 60_000;

describe('reminders that fire while no window is connected (browser host)', () => {
  let t: TempCore;
  let host: Host;
  const windows: { close(): void }[] = [];

  /** A window connecting now: the renderer's own transport and client. */
  function connectWindow(): Client {
    const transport = createWebSocketTransport(
      `ws://127.0.0.1:${host.port}/ws?token=${host.token}`,
    );
    windows.push(transport);
    return createClient(transport);
  }

  async function leadWithCallback(name: string, phone: string, inMs: number) {
    const added = (await t.core.dispatch('leads.add', { name, phone })) as { value: Lead };
    await t.core.dispatch('dispositions.save', {
      leadId: added.value.id,
      statusCode: 'new.not_reachable',
      callbackAt: t.clock.now() + inMs,
      consentOutsideHours: true,
      note: 'hẹn gọi lại',
    });
    return added.value;
  }

  beforeEach(async () => {
    t = tempCore();
    host = await startHost({ core: t.core, rendererDir: join(t.dir, 'none'), log: silentLog });
  });
  afterEach(async () => {
    windows.splice(0).forEach((w) => w.close());
    await host.close();
    t.dispose();
  });

  it('gives a window that connects later every fired reminder it has not acted on', async () => {
    const early = await leadWithCallback('Khách Một', '0912000001', MIN);
    const later = await leadWithCallback('Khách Hai', '0912000002', 2 * MIN);
    await leadWithCallback('Khách Ba', '0912000003', 60 * MIN);
    t.timers.advance(2 * MIN); // both fire with no window to hear them
    expect(t.notifications).toHaveLength(2);

    const win = connectWindow();
    const active = await win.call('reminders.active', {});
    expect(active.map((r) => r.leadId)).toEqual([early.id, later.id]);
    expect(active[0]).toMatchObject({ leadName: 'Khách Một', note: 'hẹn gọi lại', missed: false });
    // Missed-at-start reminders have their own list; these are not in it.
    expect(await win.call('reminders.missed', {})).toEqual([]);

    // Acted on in this window: a window connecting after that does not show it again.
    await win.call('reminders.acknowledge', { ids: [active[0]!.id] });
    const next = connectWindow();
    expect((await next.call('reminders.active', {})).map((r) => r.leadId)).toEqual([later.id]);
  });

  it('drops a reminder once its lead is called back or it is snoozed, and brings a snoozed one back when it fires', async () => {
    const called = await leadWithCallback('Khách Một', '0912000001', MIN);
    const snoozed = await leadWithCallback('Khách Hai', '0912000002', MIN);
    t.timers.advance(MIN);
    const win = connectWindow();
    const [first, second] = await win.call('reminders.active', {});
    expect([first!.leadId, second!.leadId]).toEqual([called.id, snoozed.id]);

    await win.call('calls.start', { leadId: called.id, direction: 'outbound', number: '0' });
    await win.call('reminders.snooze', { id: second!.id, minutes: 5 });
    expect(await connectWindow().call('reminders.active', {})).toEqual([]);

    t.timers.advance(5 * MIN);
    const again = await connectWindow().call('reminders.active', {});
    expect(again.map((r) => r.id)).toEqual([second!.id]);
  });

  it('tells a window whose connection dropped that it is back, and it gets what fired meanwhile', async () => {
    const lead = await leadWithCallback('Khách Một', '0912000001', MIN);
    const win = connectWindow();
    expect(await win.call('reminders.active', {})).toEqual([]);
    const restored = new Promise<void>((resolve) => win.on('connection.restored', () => resolve()));

    // The host goes away (the window's socket with it) and comes back on the same address.
    const { port, token } = host;
    await host.close();
    t.timers.advance(MIN);
    host = await startHost({
      core: t.core,
      rendererDir: join(t.dir, 'none'),
      log: silentLog,
      port,
      token,
    });
    await restored;
    expect((await win.call('reminders.active', {})).map((r) => r.leadId)).toEqual([lead.id]);
  });
});
