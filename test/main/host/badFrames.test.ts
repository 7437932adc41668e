import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { silentLog } from '../../../src/main/core/infra/log';
import { startHost, type Host } from '../../../src/main/host/server';
import type { InvokeResult } from '../../../src/shared/api';
import {
  buildFrame,
  HOSTILE_FRAMES,
  openRawWebSocket,
  pastedNoteFrame,
} from '../../helpers/rawWebSocket';
import { tempCore, type TempCore } from '../../helpers/tempCore';

/** A WebSocket opened before the bad frame, that must keep being served after it. */
async function bystander(host: Host) {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`);
  const waiting = new Map<number, (r: InvokeResult) => void>();
  ws.on('message', (d) => {
    const msg = JSON.parse(d.toString()) as { id?: number; result?: InvokeResult };
    if (typeof msg.id === 'number' && msg.result) waiting.get(msg.id)?.(msg.result);
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let id = 0;
  return {
    ws,
    call(method: string, input: unknown): Promise<InvokeResult> {
      const n = ++id;
      return new Promise((resolve) => {
        waiting.set(n, resolve);
        ws.send(JSON.stringify({ id: n, method, input }));
      });
    },
  };
}

describe('the host and frames that break the protocol', () => {
  let t: TempCore;
  let host: Host;
  // Before the fix the first bad frame threw from the socket, which ends a real host process.
  const thrown: unknown[] = [];
  const onUncaught = (err: unknown) => thrown.push(err);

  beforeAll(() => {
    process.on('uncaughtException', onUncaught);
  });
  afterAll(() => {
    process.off('uncaughtException', onUncaught);
  });

  beforeEach(async () => {
    thrown.length = 0;
    t = tempCore();
    const rendererDir = join(t.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    host = await startHost({ core: t.core, rendererDir, log: silentLog });
  });
  afterEach(async () => {
    await host.close();
    t.dispose();
  });

  for (const { name, frame, code } of HOSTILE_FRAMES) {
    it(`closes only the connection that sent ${name} (code ${code}) and serves the others`, async () => {
      const other = await bystander(host);
      const raw = await openRawWebSocket(host.port, host.token);
      raw.send(frame);
      expect(await raw.closed).toEqual({ code });
      expect(thrown).toEqual([]);
      expect(other.ws.readyState).toBe(WebSocket.OPEN);
      expect(await other.call('app.info', {})).toMatchObject({ ok: true });
      // And the host still takes new connections.
      const next = await bystander(host);
      expect(await next.call('app.info', {})).toMatchObject({ ok: true });
      other.ws.close();
      next.ws.close();
    });
  }

  it('answers a 1.5 MB note with invalid_input on the note field and keeps the connection', async () => {
    const raw = await openRawWebSocket(host.port, host.token);
    raw.send(pastedNoteFrame(1, randomUUID()));
    expect(await raw.nextMessage()).toMatchObject({
      id: 1,
      result: {
        ok: false,
        error: { code: 'invalid_input', fields: [{ path: 'note', key: 'too_long' }] },
      },
    });
    raw.send(
      buildFrame({ opcode: 0x1, payload: Buffer.from('{"id":2,"method":"app.info","input":{}}') }),
    );
    expect(await raw.nextMessage()).toMatchObject({ id: 2, result: { ok: true } });
    expect(raw.socket.destroyed).toBe(false);
    raw.destroy();
    expect(
      (t.core.db.prepare('SELECT COUNT(*) AS n FROM dispositions').get() as { n: number }).n,
    ).toBe(0);
  });
});
