import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeTcpPort, freeUdpPort, wsOptions } from './net';
import {
  KAMAILIO_PACKAGES,
  atExit,
  findKamailio,
  hasExited,
  spawnLogged,
  stopProcess,
} from './process';

export interface SipUser {
  user: string;
  password: string;
}

export interface SipLabOptions {
  users?: SipUser[];
  /** The SIP domain of every user's AOR (sip:1001@domain). */
  domain?: string;
  /** Keep the temp dir (config + log) after stop(), for debugging. Also: SIP_LAB_KEEP=1. */
  keep?: boolean;
}

export interface SipLab {
  /** sip.js `transportOptions.server`. */
  wsUrl: string;
  domain: string;
  udpPort: number;
  wsPort: number;
  /** The running Kamailio's PID; changes on restart(). */
  readonly pid: number;
  users: SipUser[];
  /** Kamailio's stderr, across restarts. */
  logPath: string;
  log(): string;
  /** Kill Kamailio and start it again on the same ports: clients must reconnect and register. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export const DEFAULT_USERS: SipUser[] = [
  { user: '1001', password: 'lab-pass-1001' },
  { user: '1002', password: 'lab-pass-1002' },
  { user: '1003', password: 'lab-pass-1003' },
];

// A name, not 127.0.0.1: the softphone's AORs look like production ones, and the tests prove
// nothing needs DNS (the WebSocket URL, not the domain, says where to connect).
export const DEFAULT_DOMAIN = 'lab.leadphone.test';

const TEMPLATE = join(__dirname, 'kamailio.cfg');
const READY_TIMEOUT_MS = 10_000;

/** Starts Kamailio on free loopback ports; resolves once it answers OPTIONS over WebSocket. */
export async function startSipLab(options: SipLabOptions = {}): Promise<SipLab> {
  const users = options.users ?? DEFAULT_USERS;
  const domain = options.domain ?? DEFAULT_DOMAIN;
  const keep = options.keep ?? process.env.SIP_LAB_KEEP === '1';
  const bin = findKamailio();
  const dir = mkdtempSync(join(tmpdir(), 'leadphone-sip-'));
  const logPath = join(dir, 'kamailio.log');
  const removeDir = () => {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  };
  const cancelRemoveAtExit = atExit(removeDir);

  let child: ChildProcess | undefined;
  const run = async (wsPort: number) => {
    child = spawnLogged(bin, kamailioArgs(dir), logPath);
    await waitReady(child, `ws://127.0.0.1:${wsPort}`, domain, logPath);
  };

  let ports: { udpPort: number; wsPort: number } | undefined;
  try {
    // Another process may grab a port between our probe and Kamailio's bind: then try others.
    for (let attempt = 1; !ports; attempt++) {
      const [udpPort, wsPort] = await Promise.all([freeUdpPort(), freeTcpPort()]);
      writeFileSync(join(dir, 'kamailio.cfg'), renderConfig({ udpPort, wsPort, domain, users }));
      try {
        await run(wsPort);
        ports = { udpPort, wsPort };
      } catch (error) {
        if (child) await stopProcess(child);
        if (attempt === 3 || !/Address already in use/.test(readLog(logPath))) throw error;
      }
    }
  } catch (error) {
    removeDir();
    cancelRemoveAtExit();
    throw error;
  }
  const { udpPort, wsPort } = ports;

  return {
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    domain,
    udpPort,
    wsPort,
    get pid() {
      return child?.pid ?? 0;
    },
    users,
    logPath,
    log: () => readLog(logPath),
    async restart() {
      if (child) await stopProcess(child);
      await run(wsPort);
    },
    async stop() {
      if (child) await stopProcess(child);
      removeDir();
      cancelRemoveAtExit();
    },
  };
}

function kamailioArgs(dir: string): string[] {
  return [
    '-f', join(dir, 'kamailio.cfg'),
    '-DD', // stay in the foreground: the PID we hold is the server's
    '-E', // log to stderr (our log file), not syslog
    '-m', '32', // MB of shared memory; the default 64 is more than a lab needs
    '-M', '8', // MB of private memory per process
    '-Y', dir, // runtime dir (control sockets) and PID file away from /run/kamailio
    '-P', join(dir, 'kamailio.pid'),
    '-w', dir, // working dir, for a core dump
  ]; // prettier-ignore
}

interface ConfigValues {
  udpPort: number;
  wsPort: number;
  domain: string;
  users: SipUser[];
}

/** Fills the template. Values are checked, not escaped: a test user has no reason to be odd. */
export function renderConfig({ udpPort, wsPort, domain, users }: ConfigValues): string {
  if (!/^[a-z0-9.-]+$/i.test(domain)) throw new Error(`SIP lab: bad domain "${domain}"`);
  const lines = users.map(({ user, password }) => {
    if (!/^[a-z0-9._-]+$/i.test(user)) throw new Error(`SIP lab: bad user "${user}"`);
    if (!/^[\x21-\x7e]+$/.test(password) || /["\\$]/.test(password)) {
      throw new Error(`SIP lab: password of ${user} must be printable ASCII without " \\ $`);
    }
    return `\t$sht(users=>${user}) = "${password}";`;
  });
  const values: Record<string, string> = {
    UDP_PORT: String(udpPort),
    WS_PORT: String(wsPort),
    DOMAIN: domain,
    USERS: lines.join('\n'),
  };
  return readFileSync(TEMPLATE, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`SIP lab: unknown placeholder {{${key}}}`);
    return value;
  });
}

/** Polls with a real OPTIONS until Kamailio answers 200; fails early if it exits. */
async function waitReady(child: ChildProcess, wsUrl: string, domain: string, logPath: string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw startError(`kamailio exited (${child.exitCode})`, logPath);
    try {
      const status = await wsOptions(wsUrl, domain, 1000);
      if (status === 200) return;
      lastError = new Error(`OPTIONS got ${status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw startError(`not ready after ${READY_TIMEOUT_MS} ms: ${String(lastError)}`, logPath);
}

function startError(reason: string, logPath: string): Error {
  const log = readLog(logPath);
  const hint = /could not find module|load_module/.test(log)
    ? ` A module is missing: apt-get install ${KAMAILIO_PACKAGES}.`
    : '';
  const tail = log.trimEnd().split('\n').slice(-15).join('\n');
  return new Error(`SIP lab: ${reason}.${hint}\n--- ${logPath} (tail) ---\n${tail}`);
}

function readLog(logPath: string): string {
  try {
    return readFileSync(logPath, 'utf8');
  } catch {
    return '';
  }
}
