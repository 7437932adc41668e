import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { silentLog } from '../../../src/main/core/infra/log';
import { startHost, type Host } from '../../../src/main/host/server';
import type { InvokeResult } from '../../../src/shared/api';
import { tempCore, type TempCore } from '../../helpers/tempCore';

function open(host: Host): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Sends one frame and drops the connection as soon as it has left: the reply can never arrive. */
function sendAndDrop(ws: WebSocket, frame: object): Promise<void> {
  return new Promise((resolve) => {
    ws.once('close', () => resolve());
    ws.send(JSON.stringify(frame), () => ws.terminate());
  });
}

function call(ws: WebSocket, frame: { id: number; method: string; input: unknown }) {
  return new Promise<InvokeResult>((resolve) => {
    ws.on('message', (data) => {
      const reply = JSON.parse(String(data)) as { id?: number; result?: InvokeResult };
      if (reply.id === frame.id && reply.result) resolve(reply.result);
    });
    ws.send(JSON.stringify(frame));
  });
}

describe('a save whose reply is lost with the connection', () => {
  let t: TempCore;
  let host: Host;

  beforeEach(async () => {
    t = tempCore();
    host = await startHost({ core: t.core, rendererDir: join(t.dir, 'none'), log: silentLog });
  });
  afterEach(async () => {
    await host.close();
    t.dispose();
  });

  it('commits once: resent with its key on a new connection, it answers with the first ids', async () => {
    const added = await t.core.dispatch('leads.add', { name: 'Khách', phone: '0912345678' });
    const leadId = (added as { ok: true; value: { id: string } }).value.id;
    const input = {
      leadId,
      statusCode: 'new.not_reachable',
      callbackAt: t.clock.now() + 3_600_000,
      consentOutsideHours: true,
      idempotencyKey: randomUUID(),
    };
    const dispositions = () =>
      t.core.db.prepare('SELECT id FROM dispositions').pluck().all() as string[];

    await sendAndDrop(await open(host), { id: 1, method: 'dispositions.save', input });
    // The host went on with the write after the window was gone.
    await expect.poll(dispositions).toHaveLength(1);

    const again = await open(host);
    try {
      const result = await call(again, { id: 1, method: 'dispositions.save', input });
      expect(result).toMatchObject({ ok: true, value: { dispositionId: dispositions()[0] } });
    } finally {
      again.close();
    }
    expect(dispositions()).toHaveLength(1);
    expect(t.core.db.prepare('SELECT COUNT(*) FROM calls').pluck().get()).toBe(1);
    expect(t.core.db.prepare('SELECT COUNT(*) FROM reminders').pluck().get()).toBe(1);
  });
});
