import {
  Registerer,
  UserAgent,
  type Core,
  type Invitation,
  type SessionDescriptionHandler,
} from 'sip.js';
import type { SipLab } from './lab';

/**
 * A sip.js UserAgent in plain Node (Node 22 has a global WebSocket) registered against the lab.
 * No WebRTC here: calls use a fixed SDP, enough to prove the signalling path; real media is
 * for the Chromium tests.
 */
export interface LabPhone {
  ua: UserAgent;
  registerer: Registerer;
  /** Bodies of the MESSAGEs this phone received (each is answered 200). */
  messages: string[];
  /** INVITEs this phone received, not answered: the test decides. */
  invitations: Invitation[];
  /** REGISTER and resolve with the final status (200, or the 403 of a wrong password). */
  register(): Promise<number>;
  stop(): Promise<void>;
}

export async function labPhone(lab: SipLab, user: string, password?: string): Promise<LabPhone> {
  const secret = password ?? lab.users.find((u) => u.user === user)?.password ?? '';
  const messages: string[] = [];
  const invitations: Invitation[] = [];
  const uri = UserAgent.makeURI(`sip:${user}@${lab.domain}`);
  if (!uri) throw new Error(`bad user ${user}`);
  const ua = new UserAgent({
    uri,
    authorizationUsername: user,
    authorizationPassword: secret,
    transportOptions: { server: lab.wsUrl },
    sessionDescriptionHandlerFactory: () => new FixedSdp(),
    logLevel: 'error',
    delegate: {
      onMessage(message) {
        messages.push(message.request.body);
        void message.accept();
      },
      onInvite(invitation) {
        invitations.push(invitation);
      },
    },
  });
  await ua.start();
  const registerer = new Registerer(ua);
  return {
    ua,
    registerer,
    messages,
    invitations,
    register() {
      const { requestDelegate, status } = finalStatus();
      return registerer.register({ requestDelegate }).then(() => status);
    },
    // Don't wait for sip.js's graceful un-REGISTER when the server is gone (restart tests).
    stop: () => withTimeout(ua.stop(), 2000).catch(() => undefined),
  };
}

/**
 * A request delegate and the final status code it will see: 2xx, or the rejection (sip.js
 * answers digest challenges itself, so a 401/407 shows here only when auth gave up).
 */
export function finalStatus(): {
  requestDelegate: {
    onAccept(r: Core.IncomingResponse): void;
    onReject(r: Core.IncomingResponse): void;
  };
  status: Promise<number>;
} {
  let done: (r: Core.IncomingResponse) => void = () => {};
  const status = new Promise<number>((resolve) => {
    done = (r) => resolve(r.message.statusCode ?? 0);
  });
  return { requestDelegate: { onAccept: done, onReject: done }, status };
}

/** Resolves when `check()` holds, polling; for things that arrive over the network. */
export async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// An audio offer/answer nobody plays: Kamailio relays SDP untouched, so any valid SDP will do.
const SDP = [
  'v=0',
  'o=- 1 1 IN IP4 127.0.0.1',
  's=-',
  'c=IN IP4 127.0.0.1',
  't=0 0',
  'm=audio 9 RTP/AVP 0',
  'a=inactive',
  '',
].join('\r\n');

class FixedSdp implements SessionDescriptionHandler {
  close(): void {}
  getDescription() {
    return Promise.resolve({ body: SDP, contentType: 'application/sdp' });
  }
  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }
  setDescription(): Promise<void> {
    return Promise.resolve();
  }
  sendDtmf(): boolean {
    return false;
  }
}
