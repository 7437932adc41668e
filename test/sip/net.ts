import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import WebSocket from 'ws';

/** A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it, so no guessing). */
export function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The same for UDP: Kamailio's UDP and WebSocket listeners need one port each. */
export function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

const token = () => randomBytes(6).toString('hex');

/** A minimal out-of-dialog OPTIONS to the server itself, as a WebSocket client sends it. */
export function optionsRequest(domain: string): string {
  return [
    `OPTIONS sip:${domain} SIP/2.0`,
    `Via: SIP/2.0/WS ${token()}.invalid;branch=z9hG4bK${token()}`,
    'Max-Forwards: 70',
    `From: <sip:probe@${domain}>;tag=${token()}`,
    `To: <sip:${domain}>`,
    `Call-ID: ${token()}`,
    'CSeq: 1 OPTIONS',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

/**
 * Opens a raw SIP-over-WebSocket connection (sub-protocol "sip", RFC 7118), sends OPTIONS to
 * the server and resolves with the reply's status code. Proves more than an open port: the
 * HTTP upgrade, the WebSocket framing and the SIP routing script all work.
 */
export function wsOptions(wsUrl: string, domain: string, timeoutMs = 2000): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, 'sip', { handshakeTimeout: timeoutMs });
    const timer = setTimeout(() => finish(new Error(`no OPTIONS reply from ${wsUrl}`)), timeoutMs);
    function finish(result: number | Error): void {
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.on('error', () => {}); // a late error after terminate() must not go unhandled
      ws.terminate();
      if (typeof result === 'number') resolve(result);
      else reject(result);
    }
    ws.on('open', () => ws.send(optionsRequest(domain)));
    ws.on('message', (data: Buffer) => {
      const status = /^SIP\/2\.0 (\d{3})/.exec(data.toString());
      if (status?.[1]) finish(Number(status[1]));
    });
    ws.on('error', (error) => finish(error));
    ws.on('close', () => finish(new Error(`${wsUrl} closed before replying`)));
  });
}
