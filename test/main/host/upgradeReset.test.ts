import { connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { silentLog } from '../../../src/main/core/infra/log';
import { startHost, type Host } from '../../../src/main/host/server';
import { tempCore, type TempCore } from '../../helpers/tempCore';

/** Sends an upgrade request and resets the connection at once, before the host answers. */
function upgradeAndReset(port: number, path: string): Promise<void> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port }, () => {
      s.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
          'Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n' +
          'Sec-WebSocket-Version: 13\r\n\r\n',
        () => {
          s.resetAndDestroy();
          resolve();
        },
      );
    });
    s.on('error', () => resolve());
  });
}

describe('the host and clients that reset mid-handshake', () => {
  let t: TempCore;
  let host: Host;
  const thrown: unknown[] = [];
  const onUncaught = (err: unknown) => thrown.push(err);
  beforeAll(() => process.on('uncaughtException', onUncaught));
  afterAll(() => process.off('uncaughtException', onUncaught));

  beforeEach(async () => {
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

  it('survives resets on refused and accepted upgrades, and keeps serving', async () => {
    for (let i = 0; i < 30; i++) {
      await upgradeAndReset(host.port, '/ws');
      await upgradeAndReset(host.port, '/nope');
      await upgradeAndReset(host.port, `/ws?token=${host.token}`);
    }
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`);
    const reply = await new Promise<string>((resolve, reject) => {
      ws.once('open', () => ws.send('{"id":1,"method":"app.info","input":{}}'));
      ws.once('message', (d) => resolve(d.toString()));
      ws.once('error', reject);
    });
    ws.close();
    expect(JSON.parse(reply)).toMatchObject({ id: 1, result: { ok: true } });
    expect(thrown).toEqual([]);
  });
});
