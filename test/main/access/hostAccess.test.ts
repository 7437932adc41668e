import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLog } from '../../../src/main/core/infra/log';
import { startHost, type Host } from '../../../src/main/host/server';
import { createWebSocketTransport } from '../../../src/renderer/api/websocketTransport';
import { ApiCallError, createClient, type Client } from '../../../src/renderer/api/client';
import type { Transport } from '../../../src/shared/api';
import { TEST_PIN } from '../../helpers/access';
import { dumpDatabase } from '../../helpers/dbDump';
import { tempCore, type TempCore } from '../../helpers/tempCore';

/** Inside the admin connection's unlock, so its events are its own view too. */
const SOON = 10 * 60_000;
/** Digits an agent must never receive in full, in either of the forms main stores. */
const FULL = ['912345678', '0912345678', '+84912345678'];

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiCallError) return e.error;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('roles and masking through the WebSocket host (one session per connection)', () => {
  let t: TempCore;
  let host: Host;
  const transports: (Transport & { close(): void })[] = [];
  const connect = (): { client: Client; events: [string, unknown][] } => {
    const transport = createWebSocketTransport(
      `ws://127.0.0.1:${host.port}/ws?token=${host.token}`,
    );
    transports.push(transport);
    const events: [string, unknown][] = [];
    transport.on((event, payload) => events.push([event, payload]));
    return { client: createClient(transport), events };
  };

  beforeEach(async () => {
    t = tempCore({ role: 'agent' });
    host = await startHost({ core: t.core, rendererDir: join(t.dir, 'none'), log: silentLog });
  });
  afterEach(async () => {
    for (const tr of transports.splice(0)) tr.close();
    await host.close();
    t.dispose();
  });

  it('refuses an agent connection every admin method and writes nothing', async () => {
    const { client: agent } = connect();
    await agent.call('leads.add', { name: 'Chị Lan', phone: '0912345678' });
    const before = dumpDatabase(t.core.db);
    const save = {
      name: 'Tổng đài',
      wsServer: 'wss://pbx.example.vn/ws',
      domain: 'pbx.example.vn',
      username: '101',
      password: 'mật-khẩu-bí-mật',
    };
    expect(await refusal(agent.call('sipAccounts.save', save))).toMatchObject({
      code: 'forbidden',
      data: { need: 'admin', have: 'agent' },
    });
    expect((await refusal(agent.call('statuses.add', {} as never))).code).toBe('forbidden');
    expect(
      (await refusal(agent.call('products.save', { code: 'A', name: 'A', unitPrice: 1 }))).code,
    ).toBe('forbidden');
    expect((await refusal(agent.call('auth.setRole', { role: 'admin' }))).code).toBe('forbidden');
    expect(dumpDatabase(t.core.db)).toEqual(before);

    // The PIN unlocks that connection only.
    const { client: other } = connect();
    expect((await refusal(agent.call('auth.unlock', { pin: '000000' }))).code).toBe('pin_wrong');
    await agent.call('auth.unlock', { pin: TEST_PIN });
    const saved = await agent.call('sipAccounts.save', save);
    expect(saved.hasPassword).toBe(true);
    expect((await refusal(other.call('sipAccounts.delete', { id: saved.id }))).code).toBe(
      'forbidden',
    );
    expect(await other.call('sipAccounts.list', {})).toHaveLength(1);
  });

  it('masks numbers for agents in lists, details, reminders and events; dials the real one', async () => {
    const { client: admin } = connect();
    await admin.call('auth.unlock', { pin: TEST_PIN });
    const { client: agent, events: agentEvents } = connect();
    const { client: adminView, events: adminEvents } = connect();
    await adminView.call('auth.unlock', { pin: TEST_PIN });

    const lead = await admin.call('leads.add', { name: 'Chị Lan', phone: '0912.345.678' });
    await admin.call('auth.setMasking', { maskNumbers: true });

    const seen: unknown[] = [];
    const page = await agent.call('leads.list', { stage: 'new' });
    seen.push(page);
    expect(page.items[0]).toMatchObject({ phone: '0912 *** 678', phoneAsGiven: '0912 *** 678' });
    seen.push(await agent.call('leads.get', { id: lead.id }));
    seen.push(await agent.call('leads.detail', { id: lead.id }));
    seen.push(await agent.call('leads.update', { id: lead.id, phone2: '0987654321' }));
    seen.push(await agent.call('calls.lookupNumber', { number: '0912345678' }));
    seen.push(
      await agent.call('dispositions.save', {
        leadId: lead.id,
        statusCode: 'new.not_reachable',
        callbackAt: t.clock.now() + SOON,
      }),
    );
    seen.push(await agent.call('reminders.list', {}));
    t.timers.advance(SOON);
    await agent.call('reminders.list', {}).then((r) => seen.push(r));
    expect(agentEvents.some(([e]) => e === 'reminder.due')).toBe(true);
    seen.push(agentEvents);
    const text = JSON.stringify(seen);
    for (const full of [...FULL, '987654321']) expect(text).not.toContain(full);
    expect(text).toContain('0912 *** 678');

    // Click-to-call: the renderer sends what it has; main dials the lead's own number.
    const call = await agent.call('calls.start', {
      leadId: lead.id,
      direction: 'outbound',
      number: '0912 *** 678',
    });
    expect(call.number).toBe('+84912345678');

    // Admins (and supervisors) see full numbers, in results and in events.
    expect((await adminView.call('leads.detail', { id: lead.id })).lead.phone).toBe('+84912345678');
    expect(JSON.stringify(adminEvents.filter(([e]) => e === 'reminder.due'))).toContain(
      '+84912345678',
    );
    await admin.call('auth.setRole', { role: 'supervisor' });
    expect((await agent.call('leads.get', { id: lead.id })).phone).toBe('+84912345678');
  });

  it('masks an agent’s exports, not an admin’s', async () => {
    const { client: admin } = connect();
    await admin.call('auth.unlock', { pin: TEST_PIN });
    const { client: agent } = connect();
    const lead = await agent.call('leads.add', { name: 'Chị Lan', phone: '0912345678' });
    await agent.call('leads.update', { id: lead.id, phone2: '0987654321' });
    await admin.call('auth.setMasking', { maskNumbers: true });
    const exportLeads = async (client: Client) => {
      const report = await client.call('exports.start', {
        id: randomUUID(),
        kind: 'leads',
        format: 'csv',
      });
      return readFileSync(report.path, 'utf8');
    };
    const masked = await exportLeads(agent);
    expect(masked).toContain('Chị Lan');
    expect(masked).toContain('0912 *** 678');
    for (const full of ['345 678', '0912345678', '654 321']) expect(masked).not.toContain(full);
    const full = await exportLeads(admin);
    expect(full).toContain('0912 345 678');
    expect(full).toContain('0987 654 321');
  });

  it('shows everybody full numbers while masking is off', async () => {
    const { client: agent } = connect();
    const lead = await agent.call('leads.add', { name: 'Anh Minh', phone: '0912345678' });
    expect(lead.phone).toBe('+84912345678');
    expect((await agent.call('leads.list', { stage: 'new' })).items[0]?.phoneAsGiven).toBe(
      '0912345678',
    );
  });
});
