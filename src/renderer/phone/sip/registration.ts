import { Registerer, RegistererState, SessionState, UserAgent } from 'sip.js';
import type { SipAccountView } from '../../../shared/softphone';
import { hangup, onInvite } from './calls';
import { backoffDelay } from './backoff';
import { liveCalls, setRegistration, type PhoneCore } from './phoneCore';
import { endCallsOnNetworkLoss } from './sessions';
import { buildUserAgent, stopQuietly } from './userAgent';

/*
 * The connection and the registration. Registration is a desired state: while
 * `shouldBeRegistered` holds and the password was not refused, every lost connection is
 * retried with backoff and jitter and every new connection registers again (sip.js does
 * neither by itself). A refused password stops everything until the account changes, so a
 * wrong password never turns into a REGISTER storm.
 */

/**
 * Uses `account` from now on (null: none); a changed account means a fresh connection.
 * `force`: the account was saved, perhaps with a new password the view cannot show, so
 * connect afresh (and forget an earlier refusal) even if nothing visible changed.
 */
export function configure(
  core: PhoneCore,
  account: SipAccountView | null,
  { force = false } = {},
): void {
  if (!force && JSON.stringify(account) === JSON.stringify(core.account)) return;
  core.account = account;
  core.authRefused = false;
  core.attempt = 0;
  teardown(core);
  setRegistration(core, { state: 'unregistered', reason: account ? null : 'no_account' });
  if (core.shouldBeRegistered) ensureRegistered(core);
}

/** The desired state; re-applied after every reconnect, resume and network change. */
export function setShouldBeRegistered(core: PhoneCore, on: boolean): void {
  core.shouldBeRegistered = on;
  if (on) ensureRegistered(core);
  else unregister(core);
}

/** The agent asked to try again (e.g. after fixing the password elsewhere). */
export function retryNow(core: PhoneCore): void {
  core.authRefused = false;
  core.attempt = 0;
  clearRetry(core);
  if (core.shouldBeRegistered) ensureRegistered(core, true);
}

/**
 * The network came back or the computer woke up: whatever the socket claims, check it now.
 * With no call to protect, a fresh connection is the quickest sure way back.
 */
export function networkChanged(core: PhoneCore): void {
  if (!core.shouldBeRegistered || core.authRefused || !core.account) return;
  core.attempt = 0;
  clearRetry(core);
  if (core.ua && core.ua.isConnected() && liveCalls(core).length > 0) {
    register(core);
    core.watchdog.start();
    void ping(core).catch(() => undefined);
    return;
  }
  ensureRegistered(core, true);
}

function ensureRegistered(core: PhoneCore, fresh = false): void {
  if (!core.account) {
    setRegistration(core, { state: 'unregistered', reason: 'no_account' });
    return;
  }
  if (core.authRefused) return;
  if (fresh || !core.ua) {
    teardown(core);
    void connect(core);
    return;
  }
  if (core.ua.isConnected()) register(core);
  else reconnect(core);
}

/** Builds a UserAgent for the account, with the password fetched right now, and connects. */
async function connect(core: PhoneCore): Promise<void> {
  const account = core.account;
  if (!account) return;
  const mine = ++core.generation;
  setRegistration(core, { state: 'registering', reason: null });
  let credentials;
  try {
    credentials = await core.backend.credentials(account.id);
  } catch {
    if (mine === core.generation) scheduleRetry(core, 'network');
    return;
  }
  if (mine !== core.generation) return;
  const uri = UserAgent.makeURI(`sip:${account.username}@${account.domain}`);
  if (!uri) {
    setRegistration(core, { state: 'failed', reason: 'rejected' });
    return;
  }
  core.iceServerCount = credentials.iceServers.length;
  const ua = buildUserAgent(uri, account, credentials, {
    onConnect: () => mine === core.generation && onConnected(core),
    onDisconnect: () => mine === core.generation && onDisconnected(core),
    onInvite: (invitation) => void onInvite(core, invitation, mine),
  });
  const registerer = new Registerer(ua, { expires: account.registerExpires });
  registerer.stateChange.addListener((state) => {
    if (mine !== core.generation || state !== RegistererState.Unregistered) return;
    // A refresh REGISTER that failed, or a registration that expired, while we thought all
    // was well. A refusal of one of our own REGISTERs is handled by onRegisterRejected,
    // which runs right after this listener: let it speak first.
    queueMicrotask(() => {
      if (
        mine === core.generation &&
        core.registration.state === 'registered' &&
        core.retryTimer === undefined &&
        !core.authRefused
      ) {
        scheduleRetry(core, 'network');
      }
    });
  });
  core.ua = ua;
  core.registerer = registerer;
  try {
    await ua.start();
  } catch {
    if (mine === core.generation) scheduleRetry(core, 'network');
  }
}

function reconnect(core: PhoneCore): void {
  const ua = core.ua;
  if (!ua) return void connect(core);
  const mine = core.generation;
  setRegistration(core, { state: 'registering', reason: 'network' });
  ua.reconnect().catch(() => {
    if (mine === core.generation) scheduleRetry(core, 'network');
  });
}

function onConnected(core: PhoneCore): void {
  clearRetry(core);
  core.watchdog.start();
  register(core);
  // Calls the lost connection cut off: their far end may still be there to hear our BYE.
  for (const session of core.byeOnReconnect) {
    if (session.state === SessionState.Established) void session.bye().catch(() => undefined);
    else void session.dispose().catch(() => undefined);
  }
  core.byeOnReconnect.clear();
}

function onDisconnected(core: PhoneCore): void {
  core.watchdog.stop();
  endCallsOnNetworkLoss(core);
  if (core.shouldBeRegistered && !core.authRefused) scheduleRetry(core, 'network');
  else setRegistration(core, { state: 'unregistered', reason: null });
}

/** The watchdog's ping went unanswered. */
export function onDeadConnection(core: PhoneCore): void {
  // The socket still looks open, so sip.js will not notice: close it; onDisconnect follows.
  void core.ua?.transport.disconnect().catch(() => undefined);
}

function register(core: PhoneCore): void {
  const registerer = core.registerer;
  if (!registerer || core.authRefused) return;
  const mine = core.generation;
  if (core.registration.state !== 'registered') {
    setRegistration(core, { state: 'registering', reason: null });
  }
  registerer
    .register({
      requestDelegate: {
        // Not the Registerer's state change: after a reconnect it is still "Registered" from
        // before, and a 200 that changes nothing fires no event.
        onAccept: () => {
          if (mine !== core.generation) return;
          core.attempt = 0;
          setRegistration(core, { state: 'registered', reason: null, statusCode: null });
        },
        onReject: (response) => {
          if (mine === core.generation) {
            onRegisterRejected(core, response.message.statusCode ?? 0);
          }
        },
      },
    })
    // A REGISTER already in flight (RequestPendingError) answers for this one too.
    .catch(() => undefined);
}

function onRegisterRejected(core: PhoneCore, statusCode: number): void {
  // sip.js answered the challenge with our credentials: another 401/407, or a 403, means
  // the password (or user) is wrong, and asking again would only be refused again.
  if (statusCode === 401 || statusCode === 403 || statusCode === 407) {
    core.authRefused = true;
    clearRetry(core);
    teardown(core);
    setRegistration(core, { state: 'failed', reason: 'auth_failed', statusCode });
    return;
  }
  scheduleRetry(core, statusCode === 408 || statusCode >= 500 ? 'network' : 'rejected', statusCode);
}

function scheduleRetry(
  core: PhoneCore,
  reason: 'network' | 'rejected',
  statusCode: number | null = null,
): void {
  if (!core.shouldBeRegistered || core.authRefused) return;
  if (core.retryTimer !== undefined) return; // one pending attempt is enough
  core.attempt += 1;
  const delay = backoffDelay(core.attempt, core.random);
  setRegistration(core, { state: 'failed', reason, statusCode, retryAt: core.now() + delay });
  core.retryTimer = setTimeout(() => {
    core.retryTimer = undefined;
    if (!core.shouldBeRegistered || core.authRefused) return;
    if (!core.ua) void connect(core);
    else if (core.ua.isConnected()) register(core);
    else reconnect(core);
  }, delay);
}

export function clearRetry(core: PhoneCore): void {
  if (core.retryTimer !== undefined) clearTimeout(core.retryTimer);
  core.retryTimer = undefined;
}

function unregister(core: PhoneCore): void {
  clearRetry(core);
  const registerer = core.registerer;
  if (registerer?.state === RegistererState.Registered) {
    void registerer.unregister().catch(() => undefined);
  }
  setRegistration(core, { state: 'unregistered', reason: null });
}

/**
 * Drops the UserAgent (without waiting for a server that may be gone). Calls in progress keep
 * it until they end: changing the account or the password must not cut a customer off.
 */
function teardown(core: PhoneCore): void {
  core.generation++;
  core.watchdog.stop();
  clearRetry(core);
  const ua = core.ua;
  core.ua = undefined;
  core.registerer = undefined;
  if (!ua) return;
  if (liveCalls(core).length > 0) core.retiring.add(ua);
  else void stopQuietly(ua);
}

/** Hangs up every call and unregisters; for the window closing. */
export async function dispose(core: PhoneCore): Promise<void> {
  core.shouldBeRegistered = false;
  clearRetry(core);
  core.watchdog.stop();
  core.ringer.dispose();
  await Promise.all(liveCalls(core).map((c) => hangup(core, c.view.id)));
  const agents = [core.ua, ...core.retiring].filter((ua) => ua !== undefined);
  core.ua = undefined;
  core.retiring.clear();
  core.generation++;
  await Promise.all(agents.map((ua) => stopQuietly(ua)));
}

/** Sends OPTIONS to the server; resolves on any response. */
export function ping(core: PhoneCore): Promise<void> {
  const ua = core.ua;
  const account = core.account;
  if (!ua || !account) return Promise.resolve();
  const server = UserAgent.makeURI(`sip:${account.domain}`);
  if (!server) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const uaCore = ua.userAgentCore;
    const request = uaCore.makeOutgoingRequestMessage(
      'OPTIONS',
      server,
      ua.configuration.uri,
      server,
      {},
    );
    uaCore.request(request, { onAccept: () => resolve(), onReject: () => resolve() });
  });
}
