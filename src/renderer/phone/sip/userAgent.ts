import { Registerer, SIPExtension, UserAgent, Web, type URI, type UserAgentDelegate } from 'sip.js';
import type { SipAccountView, SipCredentials } from '../../../shared/softphone';

export type ConnectionTest =
  | { ok: true; ms: number }
  | { ok: false; reason: 'auth_failed' | 'rejected' | 'network'; statusCode: number | null };

/** The UserAgent for an account, configured the one way this app uses sip.js. */
export function buildUserAgent(
  uri: URI,
  account: SipAccountView,
  credentials: SipCredentials,
  delegate: UserAgentDelegate,
): UserAgent {
  return new UserAgent({
    uri,
    authorizationUsername: account.authUsername || account.username,
    authorizationPassword: credentials.password,
    displayName: account.displayName || undefined,
    transportOptions: {
      server: account.wsServer,
      connectionTimeout: 5,
      // Our own OPTIONS ping detects dead connections; CRLF keep-alives cannot.
      keepAliveInterval: 0,
      traceSip: false,
    },
    // Reconnection is ours (backoff with jitter, and re-REGISTER afterwards).
    reconnectionAttempts: 0,
    sipExtensionReplaces: SIPExtension.Supported,
    userAgentString: 'LeadPhone (sip.js)',
    // sip.js logs whole SIP messages at its lower levels; errors only, never the configuration.
    logConfiguration: false,
    logBuiltinEnabled: false,
    logLevel: 'error',
    logConnector: (level, category, _label, content) => {
      if (level === 'error') console.error(`[sip] ${category}: ${content}`);
    },
    sessionDescriptionHandlerFactory: Web.defaultSessionDescriptionHandlerFactory(),
    sessionDescriptionHandlerFactoryOptions: {
      // Never sip.js's defaults (Google's STUN server and a 5 s gathering wait): only the
      // account's servers, and its own timeout (0 = wait for gathering to complete).
      iceGatheringTimeout: account.iceGatheringTimeoutMs,
      peerConnectionConfiguration: {
        iceServers: credentials.iceServers.map((s) => ({
          urls: s.urls,
          ...(s.username ? { username: s.username } : {}),
          ...(s.credential ? { credential: s.credential } : {}),
        })),
      },
    },
    delegate,
  });
}

/** Stops a UserAgent, giving a server that may be gone two seconds to answer the goodbyes. */
export function stopQuietly(ua: UserAgent): Promise<void> {
  return Promise.race([
    ua.stop().catch(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, 2000)),
  ]);
}

/** Registers once on a UserAgent of its own, reports how it went, and unregisters. */
export async function registerOnce(
  account: SipAccountView,
  credentials: SipCredentials,
  timeoutMs: number,
): Promise<ConnectionTest> {
  const uri = UserAgent.makeURI(`sip:${account.username}@${account.domain}`);
  if (!uri) return { ok: false, reason: 'rejected', statusCode: null };
  const ua = buildUserAgent(uri, account, credentials, {
    onInvite: (invitation) => void invitation.reject({ statusCode: 486 }),
  });
  const started = performance.now();
  try {
    await Promise.race([
      ua.start(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs)),
    ]);
  } catch {
    void stopQuietly(ua);
    return { ok: false, reason: 'network', statusCode: null };
  }
  const registerer = new Registerer(ua, { expires: 60 });
  const result = await new Promise<ConnectionTest>((resolve) => {
    const timer = setTimeout(
      () => resolve({ ok: false, reason: 'network', statusCode: null }),
      timeoutMs,
    );
    registerer
      .register({
        requestDelegate: {
          onAccept: () => {
            clearTimeout(timer);
            resolve({ ok: true, ms: Math.round(performance.now() - started) });
          },
          onReject: (response) => {
            clearTimeout(timer);
            const statusCode = response.message.statusCode ?? 0;
            const auth = statusCode === 401 || statusCode === 403 || statusCode === 407;
            resolve({ ok: false, reason: auth ? 'auth_failed' : 'rejected', statusCode });
          },
        },
      })
      .catch(() => resolve({ ok: false, reason: 'network', statusCode: null }));
  });
  await stopQuietly(ua); // unregisters a successful test binding
  return result;
}
