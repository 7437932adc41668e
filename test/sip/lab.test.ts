import { existsSync, readFileSync } from 'node:fs';
import { Inviter, Messager, RegistererState, SessionState, UserAgent, type URI } from 'sip.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startSipLab, type SipLab } from './lab';
import { findKamailio } from './process';
import { eventually, finalStatus, labPhone, type LabPhone } from './labPhone';

let lab: SipLab;
const phones: LabPhone[] = [];

async function phone(user: string, password?: string): Promise<LabPhone> {
  const p = await labPhone(lab, user, password);
  phones.push(p);
  return p;
}

async function registered(user: string): Promise<LabPhone> {
  const p = await phone(user);
  expect(await p.register()).toBe(200);
  return p;
}

function target(user: string): URI {
  const uri = UserAgent.makeURI(`sip:${user}@${lab.domain}`);
  if (!uri) throw new Error(user);
  return uri;
}

/** Sends a MESSAGE and resolves with the final status code. */
async function message(from: LabPhone, to: string, body: string): Promise<number> {
  const { requestDelegate, status } = finalStatus();
  await new Messager(from.ua, target(to), body).message({ requestDelegate });
  return status;
}

/** Starts a call; `final` resolves with the final status of the INVITE. */
function call(from: LabPhone, to: string): { inviter: Inviter; final: Promise<number> } {
  const inviter = new Inviter(from.ua, target(to));
  const { requestDelegate, status } = finalStatus();
  const final = inviter.invite({ requestDelegate }).then(() => status);
  return { inviter, final };
}

/** How many `method` requests from `user` Kamailio saw (its request_route logs each one). */
function requestsLogged(method: string, user: string): number {
  const lines = lab.log().split('\n');
  return lines.filter((l) => l.includes(`${method} `) && l.includes(`from=sip:${user}@`)).length;
}

describe('SIP lab (Kamailio over WebSocket)', () => {
  beforeEach(async () => {
    lab = await startSipLab();
  });

  afterEach(async () => {
    await Promise.all(phones.splice(0).map((phone) => phone.stop()));
    await lab?.stop(); // undefined when beforeEach failed
  });

  it('registers a user with the right password', async () => {
    const a = await phone('1001');
    expect(await a.register()).toBe(200);
    expect(a.registerer.state).toBe(RegistererState.Registered);
  });

  it('refuses a wrong password with 403, once, without retrying', async () => {
    const a = await phone('1001', 'not-the-password');
    expect(await a.register()).toBe(403);
    expect(a.registerer.state).not.toBe(RegistererState.Registered);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The first REGISTER is challenged (401), the one with credentials refused: no loop.
    expect(requestsLogged('REGISTER', '1001')).toBe(2);

    const stranger = await phone('4242', 'whatever');
    expect(await stranger.register()).toBe(403);
  });

  it('routes a MESSAGE between two registered WebSocket users', async () => {
    const a = await registered('1001');
    const b = await registered('1002');
    expect(await message(a, '1002', 'xin chào')).toBe(200);
    await eventually(() => b.messages.length > 0);
    expect(b.messages).toEqual(['xin chào']);
  });

  it('answers 480 for a known user who is offline and 404 for an unknown one', async () => {
    const a = await registered('1001');
    expect(await message(a, '1003', 'anyone?')).toBe(480);
    expect(await message(a, '7777', 'anyone?')).toBe(404);
    expect(await call(a, '1003').final).toBe(480);
  });

  it('answers OPTIONS to the server itself with 200 (the keepalive ping)', async () => {
    const a = await phone('1001');
    const core = a.ua.userAgentCore;
    const server = UserAgent.makeURI(`sip:${lab.domain}`);
    if (!server) throw new Error('uri');
    const request = core.makeOutgoingRequestMessage(
      'OPTIONS',
      server,
      a.ua.configuration.uri,
      server,
      {},
    );
    const { requestDelegate, status } = finalStatus();
    core.request(request, requestDelegate);
    expect(await status).toBe(200);
  });

  it('sets up and tears down a call: INVITE, 200, ACK and BYE both ways through the proxy', async () => {
    const a = await registered('1001');
    const b = await registered('1002');

    const { inviter, final } = call(a, '1002');
    await eventually(() => b.invitations.length === 1);
    const incoming = b.invitations[0]!;
    let acked = false;
    incoming.delegate = { onAck: () => void (acked = true) };
    await incoming.accept();
    expect(await final).toBe(200);
    await eventually(() => acked && inviter.state === SessionState.Established);

    // The callee hangs up: its BYE must reach the caller's WebSocket via the Contact alias.
    await incoming.bye();
    await eventually(() => inviter.state === SessionState.Terminated);

    // And a second call that the caller hangs up.
    const second = call(a, '1002');
    await eventually(() => b.invitations.length === 2);
    await b.invitations[1]!.accept();
    expect(await second.final).toBe(200);
    await second.inviter.bye();
    await eventually(() => b.invitations[1]!.state === SessionState.Terminated);
  });

  it('cancels a ringing call: the callee sees CANCEL, the caller gets 487', async () => {
    const a = await registered('1001');
    const b = await registered('1002');
    const { inviter, final } = call(a, '1002');
    await eventually(() => b.invitations.length === 1);
    await b.invitations[0]!.progress();
    await inviter.cancel();
    expect(await final).toBe(487);
    await eventually(() => b.invitations[0]!.state === SessionState.Terminated);
  });

  it('restarts on the same ports, forgetting registrations; clients register again', async () => {
    const { wsUrl, udpPort, pid } = lab;
    const a = await registered('1001');
    await lab.restart();
    expect(lab.pid).not.toBe(pid);
    expect([lab.wsUrl, lab.udpPort]).toEqual([wsUrl, udpPort]);

    // The old registration is gone with the old process…
    const b = await registered('1002');
    expect(await message(b, '1001', 'still there?')).toBe(480);
    // …until the client reconnects and registers again.
    await eventually(() => !a.ua.isConnected());
    await a.ua.reconnect();
    expect(await a.register()).toBe(200);
    expect(await message(b, '1001', 'welcome back')).toBe(200);
    await eventually(() => a.messages.includes('welcome back'));
  });

  it('listens on 127.0.0.1 only', async () => {
    // 127.0.0.2 is loopback too: a server bound to 0.0.0.0 would answer there.
    await expect(wsConnect(`ws://127.0.0.2:${lab.wsPort}`)).rejects.toThrow(/ECONNREFUSED/);
    await expect(wsConnect(lab.wsUrl)).resolves.toBeUndefined();
    expect(localAddresses('tcp', lab.wsPort)).toEqual(['127.0.0.1']);
    expect(localAddresses('udp', lab.udpPort)).toEqual(['127.0.0.1']);
    expect([...localAddresses('tcp6', lab.wsPort), ...localAddresses('udp6', lab.udpPort)]).toEqual(
      [],
    );
  });

  it('runs a second lab beside the first, here with 127.0.0.1 as the SIP domain', async () => {
    const first = lab;
    const users = [
      { user: 'alice', password: 'pw-a' },
      { user: 'bob', password: 'pw-b' },
    ];
    lab = await startSipLab({ domain: '127.0.0.1', users });
    try {
      expect(lab.wsPort).not.toBe(first.wsPort);
      const alice = await registered('alice');
      const bob = await registered('bob');
      expect(alice.ua.configuration.uri.toString()).toBe('sip:alice@127.0.0.1');
      expect(await message(alice, 'bob', 'hi bob')).toBe(200);
      await eventually(() => bob.messages.length === 1);
    } finally {
      await Promise.all(phones.splice(0).map((p) => p.stop()));
      await lab.stop();
      lab = first;
    }
  });
});

describe('SIP lab without Kamailio', () => {
  it('says which Debian packages to install', () => {
    const saved = process.env.KAMAILIO_BIN;
    process.env.KAMAILIO_BIN = '/nonexistent/kamailio';
    try {
      expect(() => findKamailio()).toThrow(/apt-get install kamailio kamailio-websocket-modules/);
    } finally {
      if (saved === undefined) delete process.env.KAMAILIO_BIN;
      else process.env.KAMAILIO_BIN = saved;
    }
  });
});

function wsConnect(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, 'sip');
    ws.on('open', () => {
      ws.close();
      resolve();
    });
    ws.on('error', reject);
  });
}

/** Distinct local addresses of the sockets on `port`, read from the kernel's socket table. */
function localAddresses(table: 'tcp' | 'udp' | 'tcp6' | 'udp6', port: number): string[] {
  const path = `/proc/net/${table}`;
  if (!existsSync(path)) return []; // a kernel without IPv6
  const text = readFileSync(path, 'utf8');
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const addresses = text
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/)[1] ?? '')
    .filter((local) => local.endsWith(`:${hexPort}`))
    .map((local) => hexToIp(local.split(':')[0] ?? ''));
  return [...new Set(addresses)];
}

function hexToIp(hex: string): string {
  if (hex.length !== 8) return hex; // IPv6: any entry at all is a failure, the raw form will do
  const bytes = hex.match(/../g) ?? [];
  return bytes
    .reverse()
    .map((b) => parseInt(b, 16))
    .join('.'); // little-endian in /proc
}
