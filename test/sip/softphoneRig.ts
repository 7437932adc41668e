import { join } from 'node:path';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { systemClock } from '../../src/main/core/infra/clock';
import { createCore, type Core } from '../../src/main/core';
import { setUpInstall } from '../helpers/access';
import { setTestAgent } from '../helpers/agent';
import type { Log } from '../../src/main/core/infra/log';
import { startHost, type Host } from '../../src/main/host/server';
import type { Lead } from '../../src/shared/domain';
import type { SipAccountSaveInput, SipAccountView } from '../../src/shared/softphone';
import { launchBrowser, MEDIA_ARGS } from '../helpers/browser';
import { RENDERER_DIR } from '../helpers/hostRig';
import { tempDir } from '../helpers/tempDir';
import { startSipLab, type SipLab, type SipUser } from './lab';
import { serveFolder } from './staticServer';
import { buildTestPhone } from './testPhone/buildTestPhone';
import type { MediaSample, TestCall, TestPhoneConfig } from './testPhone/testPhone';

/** WebRTC between pages of one machine, in a namespace that has nothing but loopback. */
export const CALL_ARGS = [
  ...MEDIA_ARGS,
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--autoplay-policy=no-user-gesture-required',
];

export const AGENT: SipUser = { user: '1001', password: 'agent-secret-9Xq2' };
/** Lab users named after Vietnamese mobile numbers: dialling a lead's number reaches them. */
export const CUSTOMER: SipUser = { user: '0912000001', password: 'lab-pass-c1' };
export const COLLEAGUE: SipUser = { user: '0912000003', password: 'lab-pass-c3' };
export const STRANGER: SipUser = { user: '0912000009', password: 'lab-pass-c9' };

/** The customer's phone, a sip.js page driven through `window.testPhone`. */
export interface LabPhonePage {
  page: Page;
  calls(): Promise<TestCall[]>;
  call(target: string): Promise<void>;
  answer(index?: number): Promise<void>;
  hangup(index?: number): Promise<void>;
  media(index?: number): Promise<MediaSample | null>;
}

export interface SoftphoneLab {
  lab: SipLab;
  /** The app's core and host; replaced by `resetApp()`. */
  readonly core: Core;
  readonly host: Host;
  browser: Browser;
  /** Every line the core and the host logged. */
  hostLog: string[];
  /** Every console message of every page. */
  consoleLog: string[];
  /** Errors thrown in pages (uncaught). */
  pageErrors: string[];
  saveAccount(fields?: Partial<SipAccountSaveInput>): Promise<SipAccountView>;
  addLead(name: string, phone: string): Promise<Lead>;
  /** The LeadPhone app in a fresh page, its peer connections recorded for getStats. */
  agentPage(): Promise<Page>;
  phone(user: SipUser, options?: Partial<TestPhoneConfig>): Promise<LabPhonePage>;
  /** Closes pages opened since the last reset (the lab, core and browser stay). */
  closePages(): Promise<void>;
  /** A fresh, empty app (core on a new database, new host) for the next test. */
  resetApp(): Promise<void>;
  stop(): Promise<void>;
}

// Records every RTCPeerConnection the app makes, so a test can read its stats (the app keeps
// them to itself, as it should), and every WebSocket frame's timing for the REGISTER bench.
const AGENT_INIT = () => {
  const w = window as unknown as {
    __pcs: RTCPeerConnection[];
    __sip: { at: number; dir: 'out' | 'in'; first: string }[];
  };
  w.__pcs = [];
  w.__sip = [];
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      w.__pcs.push(this);
    }
  } as typeof RTCPeerConnection;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (typeof data === 'string' && this.protocol === 'sip') {
      w.__sip.push({ at: performance.now(), dir: 'out', first: data.slice(0, 200) });
    }
    return send.call(this, data);
  };
  const NativeWs = window.WebSocket;
  window.WebSocket = class extends NativeWs {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      if (protocols === 'sip') {
        this.addEventListener('message', (e) => {
          if (typeof e.data === 'string') {
            w.__sip.push({ at: performance.now(), dir: 'in', first: e.data.slice(0, 2000) });
          }
        });
      }
    }
  } as typeof WebSocket;
};

export async function startSoftphoneLab(users: SipUser[] = [AGENT, CUSTOMER, COLLEAGUE, STRANGER]) {
  const hostLog: string[] = [];
  const consoleLog: string[] = [];
  const pageErrors: string[] = [];
  const line = (level: string) => (message: string, context?: Record<string, unknown>) =>
    void hostLog.push(`${level} ${message} ${context ? JSON.stringify(context) : ''}`);
  const log: Log = { info: line('info'), warn: line('warn'), error: line('error') };

  const cleanups: (() => Promise<void> | void)[] = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await Promise.resolve()
        .then(cleanup)
        .catch(() => undefined);
    }
  };
  try {
    const lab = await startSipLab({ users });
    cleanups.push(() => lab.stop());
    let app = await startApp(log);
    cleanups.push(() => app.stop());
    const testPhone = await buildTestPhone();
    cleanups.push(() => testPhone.remove());
    const phoneSite = await serveFolder(testPhone.dir);
    cleanups.push(() => phoneSite.close());
    const browser = await launchBrowser(CALL_ARGS);
    cleanups.push(() => browser.close());

    let pages: Page[] = [];
    const watch = (page: Page, who: string) => {
      pages.push(page);
      page.on('console', (m: ConsoleMessage) => consoleLog.push(`${who}: ${m.text()}`));
      page.on('pageerror', (e) => pageErrors.push(`${who}: ${e.message}`));
    };
    const dispatch = async <T>(method: string, input: unknown): Promise<T> => {
      const result = await app.core.dispatch(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    };

    const rig: SoftphoneLab = {
      lab,
      get core() {
        return app.core;
      },
      get host() {
        return app.host;
      },
      browser,
      hostLog,
      consoleLog,
      pageErrors,
      saveAccount: (fields = {}) =>
        dispatch<SipAccountView>('sipAccounts.save', {
          name: 'Lab PBX',
          wsServer: lab.wsUrl,
          domain: lab.domain,
          username: AGENT.user,
          password: AGENT.password,
          iceGatheringTimeoutMs: 500,
          ...fields,
        }),
      addLead: (name, phone) => dispatch<Lead>('leads.add', { name, phone }),
      async agentPage() {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        watch(page, 'agent');
        await page.addInitScript(AGENT_INIT);
        await page.goto(app.host.url);
        return page;
      },
      async phone(user, options = {}) {
        const page = await browser.newPage();
        watch(page, `phone ${user.user}`);
        await page.goto(phoneSite.url);
        const config: TestPhoneConfig = {
          wsUrl: lab.wsUrl,
          domain: lab.domain,
          user: user.user,
          password: user.password,
          autoAnswer: true,
          ...options,
        };
        await page.evaluate((c) => window.testPhone.start(c), config);
        return {
          page,
          calls: () => page.evaluate(() => window.testPhone.list()),
          call: (target) => page.evaluate((t) => window.testPhone.call(t), target),
          answer: (index) => page.evaluate((i) => window.testPhone.answer(i), index),
          hangup: (index) => page.evaluate((i) => window.testPhone.hangup(i), index),
          media: (index) => page.evaluate((i) => window.testPhone.media(i), index),
        };
      },
      async closePages() {
        const open = pages;
        pages = [];
        // Phones unregister and hang up first, so the next test starts from a quiet lab; but a
        // BYE to a page that is closing at the same moment is never answered (Kamailio gives
        // up after 10 s), so nobody waits for more than a second.
        const stopPhone = (p: Page) =>
          p.evaluate(() => (window as { testPhone?: { stop(): Promise<void> } }).testPhone?.stop());
        await Promise.all(
          open.map((p) =>
            Promise.race([stopPhone(p), new Promise((r) => setTimeout(r, 1000))])
              .catch(() => undefined)
              .then(() => p.close()),
          ),
        );
      },
      async resetApp() {
        await app.stop();
        app = await startApp(log);
      },
      stop: stopAll,
    };
    return rig;
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function startApp(log: Log): Promise<{ core: Core; host: Host; stop(): Promise<void> }> {
  const dir = tempDir('leadphone-softphone-');
  const core = createCore({ dbPath: join(dir.path, 'leadphone.db'), clock: systemClock, log });
  // The lab sets up SIP accounts as the admin would, with the first start done.
  setUpInstall(core.db, 'admin');
  setTestAgent(core.db);
  const host = await startHost({ core, rendererDir: RENDERER_DIR, log });
  return {
    core,
    host,
    async stop() {
      await host.close();
      core.close();
      dir.remove();
    },
  };
}

/** The agent page's newest peer connection's audio counters (like LabPhonePage.media). */
export function agentMedia(page: Page): Promise<MediaSample | null> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs;
    const pc = pcs.findLast((p) => p.connectionState !== 'closed');
    if (!pc) return null;
    const sample = { bytesReceived: 0, bytesSent: 0, packetsReceived: 0, totalAudioEnergy: 0 };
    (await pc.getStats()).forEach((s: Record<string, unknown>) => {
      if (s.type === 'inbound-rtp' && s.kind === 'audio') {
        sample.bytesReceived += Number(s.bytesReceived ?? 0);
        sample.packetsReceived += Number(s.packetsReceived ?? 0);
        sample.totalAudioEnergy += Number(s.totalAudioEnergy ?? 0);
      }
      if (s.type === 'outbound-rtp' && s.kind === 'audio')
        sample.bytesSent += Number(s.bytesSent ?? 0);
    });
    return sample;
  });
}

/** How much a counter grew over `ms` milliseconds. */
export async function growth(
  read: () => Promise<MediaSample | null>,
  ms: number,
): Promise<MediaSample> {
  const before = await read();
  await new Promise((r) => setTimeout(r, ms));
  const after = await read();
  if (!before || !after) throw new Error('no media to measure');
  return {
    bytesReceived: after.bytesReceived - before.bytesReceived,
    bytesSent: after.bytesSent - before.bytesSent,
    packetsReceived: after.packetsReceived - before.packetsReceived,
    totalAudioEnergy: after.totalAudioEnergy - before.totalAudioEnergy,
  };
}

/** Polls `check` until it returns something truthy; for things that arrive over the network. */
export async function until<T>(
  check: () => Promise<T> | T,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
