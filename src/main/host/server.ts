import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../core';
import type { Log } from '../core/infra/log';
import type { CoreSession } from '../core';
import { CONTENT_SECURITY_POLICY } from '../electron/csp';
import { isPagePath, readRequestTarget } from './requestPath';
import { readRendererFile } from './staticFiles';

export const HOST_ADDRESS = '127.0.0.1';
/**
 * Largest WebSocket message read; a bigger one closes that connection with 1009. Well above
 * any valid call (an upload chunk is ~700 KB) so that an oversized field, e.g. a 1.5 MB text
 * pasted into a note, reaches the contract and gets a field error instead of a dropped line.
 */
export const MAX_MESSAGE_BYTES = 8 << 20;

export interface HostOptions {
  core: Core;
  rendererDir: string;
  port?: number;
  token?: string;
  log: Log;
}

export interface Host {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Serves the built renderer and the core over HTTP + WebSocket on 127.0.0.1 only, for tests
 * and for running without Electron. Every WebSocket needs the per-run token.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  const { core, log } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const sockets = new Set<WebSocket>();

  const server = createServer((req, res) => {
    void serveHttp(req, res);
  });

  async function serveHttp(req: IncomingMessage, res: ServerResponse) {
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    const target = readRequestTarget(req.url);
    if (!target) {
      res
        .writeHead(400, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Bad request\n');
      return;
    }
    const isPage = isPagePath(target.path);
    if (isPage && !sameToken(target.token, token)) {
      res
        .writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
        .end(
          'LeadPhone: open the full address printed by `npm start` (it carries the access token).\n',
        );
      return;
    }
    const file = await readRendererFile(
      options.rendererDir,
      target.path === '' ? 'index.html' : target.path,
    );
    if (!file) {
      res
        .writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Not found\n');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': file.type });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  server.on('upgrade', (req, socket, head) => {
    // Node hands the socket over without its own error listener: a client resetting the
    // connection would otherwise throw in this process. ws adds its own once it takes over.
    socket.on('error', () => socket.destroy());
    const target = readRequestTarget(req.url);
    const origin = req.headers.origin;
    const allowedOrigin = `http://${HOST_ADDRESS}:${(server.address() as AddressInfo).port}`;
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (target?.path !== 'ws') return refuse('404 Not Found');
    // A page from another site must not drive the core, token or not.
    if (origin !== undefined && origin !== allowedOrigin) return refuse('403 Forbidden');
    if (!sameToken(target.token, token)) return refuse('401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });

  // Each WebSocket is a session of its own: its role, its PIN unlock, its masked view.
  wss.on('connection', (ws) => {
    const session = core.openSession();
    sockets.add(ws);
    const off = session.onEvent((event, payload) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
    });
    ws.on('close', () => {
      off();
      session.close();
      sockets.delete(ws);
    });
    // A frame ws cannot accept (too big, invalid UTF-8, reserved opcode or bit, unmasked, a
    // fragmented control frame) is an 'error' on this socket; ws has already sent the close
    // code (1002, 1007, 1009). Unheard, the error would be thrown and end every connection.
    ws.on('error', (err: Error & { code?: string }) => {
      log.warn('websocket closed on a bad frame', { code: err.code ?? err.message });
    });
    ws.on('message', (data) => {
      answer(ws, session, data.toString()).catch((err: unknown) => {
        // A rejection left unhandled would end the process, and every other connection.
        log.error('host could not answer', {
          error: err instanceof Error ? err.message : String(err),
        });
      });
    });
  });

  async function answer(ws: WebSocket, session: CoreSession, text: string) {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      ws.send(JSON.stringify({ id: null, result: badFrame('The message is not JSON.') }));
      return;
    }
    const { id, method, input } = (message ?? {}) as {
      id?: unknown;
      method?: unknown;
      input?: unknown;
    };
    if (typeof id !== 'number' && typeof id !== 'string') {
      ws.send(JSON.stringify({ id: null, result: badFrame('The message has no id.') }));
      return;
    }
    const result = await session.dispatch(method, input);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, result }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST_ADDRESS, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${HOST_ADDRESS}:${port}/?token=${token}`;
  log.info('host listening', { address: HOST_ADDRESS, port });

  return {
    url,
    port,
    token,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function badFrame(message: string) {
  return { ok: false, error: { code: 'invalid_input', message } };
}
