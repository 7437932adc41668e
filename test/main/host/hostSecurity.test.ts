import { connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { silentLog } from '../../../src/main/core/infra/log';
import { startHost, type Host } from '../../../src/main/host/server';
import { tempCore, type TempCore } from '../../helpers/tempCore';

/** Opens a WebSocket and reports how the handshake ended: 'open' or the HTTP status. */
function handshake(url: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
    ws.on('error', (err) => resolve(`error: ${err.message}`));
  });
}

function tcpConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    s.on('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

describe('the browser host', () => {
  let t: TempCore;
  let host: Host;

  beforeEach(async () => {
    t = tempCore();
    const rendererDir = join(t.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(t.dir, 'secret.txt'), 'not for the browser');
    host = await startHost({ core: t.core, rendererDir, log: silentLog });
  });
  afterEach(async () => {
    await host.close();
    t.dispose();
  });

  const ws = (query: string) => `ws://127.0.0.1:${host.port}/ws${query}`;

  it('refuses a WebSocket without the token or with a wrong one', async () => {
    expect(await handshake(ws(''))).toBe('401');
    expect(await handshake(ws('?token='))).toBe('401');
    const last = host.token.slice(-1);
    const wrong = host.token.slice(0, -1) + (last === 'x' ? 'y' : 'x');
    expect(await handshake(ws(`?token=${wrong}`))).toBe('401');
    expect(await handshake(ws(`?token=${host.token}`))).toBe('open');
  });

  it('refuses a WebSocket opened by a page of another origin, even with the token', async () => {
    expect(await handshake(ws(`?token=${host.token}`), { Origin: 'http://evil.example' })).toBe(
      '403',
    );
    expect(
      await handshake(ws(`?token=${host.token}`), { Origin: `http://127.0.0.1:${host.port}` }),
    ).toBe('open');
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(host.url.startsWith(`http://127.0.0.1:${host.port}/`)).toBe(true);
    expect(await tcpConnect('127.0.0.1', host.port)).toBe('connected');
    // Another loopback address reaches the machine but not a socket bound to 127.0.0.1 alone.
    expect(await tcpConnect('127.0.0.2', host.port)).toBe('ECONNREFUSED');
  });

  it('serves the page only with the token, and nothing outside the renderer folder', async () => {
    const base = `http://127.0.0.1:${host.port}`;
    expect((await fetch(`${base}/`)).status).toBe(403);
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    // An encoded slash is refused outright (requestPath.test.ts has the rest).
    expect((await fetch(`${base}/..%2fsecret.txt`)).status).toBe(400);
    expect((await fetch(`${base}/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });

  it('answers malformed frames with a clear error and writes nothing', async () => {
    const socket = new WebSocket(ws(`?token=${host.token}`));
    await new Promise((r) => socket.once('open', r));
    const replies: unknown[] = [];
    socket.on('message', (d) => replies.push(JSON.parse(d.toString())));
    socket.send('not json');
    socket.send(JSON.stringify({ method: 'leads.add', input: { name: 'A', phone: '0912345678' } }));
    socket.send(JSON.stringify({ id: 7, method: 'leads.add', input: { name: 'A', phone: 'abc' } }));
    socket.send(JSON.stringify({ id: 8, method: '__proto__', input: {} }));
    socket.send(JSON.stringify({ id: 9, method: 'constructor', input: {} }));
    await expect.poll(() => replies.length).toBe(5);
    socket.close();
    expect(replies).toEqual(
      expect.arrayContaining([
        {
          id: null,
          result: {
            ok: false,
            error: { code: 'invalid_input', message: 'The message is not JSON.' },
          },
        },
        {
          id: null,
          result: {
            ok: false,
            error: { code: 'invalid_input', message: 'The message has no id.' },
          },
        },
        {
          id: 7,
          result: expect.objectContaining({
            ok: false,
            error: expect.objectContaining({ code: 'invalid_input' }),
          }),
        },
        {
          id: 8,
          result: expect.objectContaining({
            ok: false,
            error: expect.objectContaining({ code: 'unknown_method' }),
          }),
        },
        {
          id: 9,
          result: expect.objectContaining({
            ok: false,
            error: expect.objectContaining({ code: 'unknown_method' }),
          }),
        },
      ]),
    );
    expect((t.core.db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n).toBe(0);
  });
});
