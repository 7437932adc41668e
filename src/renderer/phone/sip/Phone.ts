import {
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  SessionState,
  UserAgent,
  Web,
  type Session,
  type URI,
} from 'sip.js';
import type { SipAccountView } from '../../../shared/softphone';
import { backoffDelay } from './backoff';
import { ConnectionWatchdog } from './connectionWatchdog';
import { callerNumber, dialString } from './dialPlan';
import { isMaskedPhone } from '../../../shared/phoneMask';
import { causeFromStatus, type EndCause } from './endCause';
import { micConstraints, micErrorCode } from './mediaErrors';
import { assessMedia, type MediaHealth } from './mediaHealth';
import type { PhoneBackend } from './phoneBackend';
import type {
  AudioDevicePrefs,
  CallView,
  PhoneErrorCode,
  PhoneEvent,
  PhoneListener,
  RegistrationView,
} from '../phoneTypes';
import { Ringer } from '../ringer';
import {
  applyTracks,
  DTMF_DURATION_MS,
  DTMF_GAP_MS,
  hurryIceGathering,
  playRemote,
  sampleMedia,
  sendInfoDtmf,
  sendRefer,
  webSdh,
  type WebSdh,
} from './sessionMedia';
import { buildUserAgent, registerOnce, stopQuietly, type ConnectionTest } from './userAgent';

export type { ConnectionTest } from './userAgent';

/** A refusal the renderer shows to the agent (an i18n key under `phone.error.`). */
export class PhoneError extends Error {
  constructor(readonly code: PhoneErrorCode) {
    super(code);
    this.name = 'PhoneError';
  }
}

export interface PhoneOptions {
  backend: PhoneBackend;
  /** Milliseconds between OPTIONS pings on a healthy connection. */
  pingIntervalMs?: number;
  /** An OPTIONS ping unanswered for this long means the connection is dead. */
  pingTimeoutMs?: number;
  /** How often getStats is read during a call, for its quality and the media watchdog. */
  statsIntervalMs?: number;
  now?: () => number;
  random?: () => number;
}

/** One call as the phone holds it: the sip.js session and its media stay in here. */
interface LiveCall {
  view: CallView;
  session: Session;
  held: boolean;
  /** Set by whoever ends the call on purpose, so Terminated knows why. */
  endCause: EndCause | null;
  audio: HTMLAudioElement | null;
  statsTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the last getStats said of the far end's audio. */
  media: MediaHealth | null;
  /** Call-record writes for this call, in order. */
  recording: Promise<void>;
  /** The SIP URI the call went to (the consulted party's, for an attended transfer). */
  target: URI | null;
  /** A 183 with SDP arrived: the far end plays its own ringback or announcement. */
  earlyMedia: boolean;
}

const DTMF_TONES = /^[0-9A-D*#]+$/i;
/**
 * OPTIONS keep-alive: a dead connection is noticed within 20 s. Often enough for an agent
 * waiting on calls, rare enough not to matter to a PBX (one request per agent per 15 s).
 */
const PING_INTERVAL_MS = 15_000;
const PING_TIMEOUT_MS = 5_000;
/** After a network loss, how long a call may wait for the connection to send its BYE. */
const BYE_AFTER_RECONNECT_MS = 30_000;

/**
 * The agent's softphone: owns the sip.js UserAgent, the Registerer, every Session and all
 * media, and tells the rest of the renderer what happens through plain, serialisable events.
 *
 * Registration is a desired state: while `shouldBeRegistered` holds and the password was not
 * refused, every lost connection is retried with backoff and jitter and every new connection
 * registers again (sip.js does neither by itself). A refused password stops everything until
 * the account changes, so a wrong password never turns into a REGISTER storm.
 */
export class Phone {
  private readonly listeners = new Set<PhoneListener>();
  private readonly calls = new Map<string, LiveCall>();
  private readonly ringer = new Ringer();
  private readonly watchdog: ConnectionWatchdog;
  private readonly now: () => number;
  private readonly random: () => number;
  private account: SipAccountView | null = null;
  private ua: UserAgent | undefined;
  private registerer: Registerer | undefined;
  private shouldBeRegistered = false;
  /** The password was refused: no automatic attempt until the account or the agent says so. */
  private authRefused = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped whenever the UserAgent is replaced, so late callbacks of an old one are ignored. */
  private generation = 0;
  private devices: AudioDevicePrefs = { micId: null, speakerId: null, ringerId: null };
  /** STUN/TURN servers of the account in use (none: host candidates only). */
  private iceServerCount = 0;
  /** Calls cut off by a lost connection whose far end still deserves a BYE. */
  private readonly byeOnReconnect = new Set<Session>();
  /** Replaced UserAgents that still carry calls; stopped when those calls end. */
  private readonly retiring = new Set<UserAgent>();
  private registration: RegistrationView = {
    state: 'unregistered',
    reason: null,
    statusCode: null,
    retryAt: null,
    accountName: null,
  };

  constructor(private readonly options: PhoneOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.watchdog = new ConnectionWatchdog({
      intervalMs: options.pingIntervalMs ?? PING_INTERVAL_MS,
      timeoutMs: options.pingTimeoutMs ?? PING_TIMEOUT_MS,
      ping: () => this.ping(),
      onDead: () => this.onDeadConnection(),
    });
  }

  /**
   * Registers once with `account` on a UserAgent of its own and reports how it went; the
   * agent's phone is not disturbed. For the admin screen's "test connection" button.
   */
  static async testConnection(
    account: SipAccountView,
    backend: PhoneBackend,
    timeoutMs = 8_000,
  ): Promise<ConnectionTest> {
    return registerOnce(account, await backend.credentials(account.id), timeoutMs);
  }

  on(listener: PhoneListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get registrationView(): RegistrationView {
    return this.registration;
  }

  /**
   * Uses `account` from now on (null: none); a changed account means a fresh connection.
   * `force`: the account was saved, perhaps with a new password the view cannot show, so
   * connect afresh (and forget an earlier refusal) even if nothing visible changed.
   */
  configure(account: SipAccountView | null, { force = false } = {}): void {
    if (!force && JSON.stringify(account) === JSON.stringify(this.account)) return;
    this.account = account;
    this.authRefused = false;
    this.attempt = 0;
    this.teardown();
    this.setRegistration({ state: 'unregistered', reason: account ? null : 'no_account' });
    if (this.shouldBeRegistered) this.ensureRegistered();
  }

  /** The desired state; re-applied after every reconnect, resume and network change. */
  setShouldBeRegistered(on: boolean): void {
    this.shouldBeRegistered = on;
    if (on) this.ensureRegistered();
    else this.unregister();
  }

  /** The agent asked to try again (e.g. after fixing the password elsewhere). */
  retryNow(): void {
    this.authRefused = false;
    this.attempt = 0;
    this.clearRetry();
    if (this.shouldBeRegistered) this.ensureRegistered(true);
  }

  /**
   * The network came back or the computer woke up: whatever the socket claims, check it now.
   * With no call to protect, a fresh connection is the quickest sure way back.
   */
  networkChanged(): void {
    if (!this.shouldBeRegistered || this.authRefused || !this.account) return;
    this.attempt = 0;
    this.clearRetry();
    if (this.ua && this.ua.isConnected() && this.liveCalls().length > 0) {
      this.register();
      this.watchdog.start();
      void this.ping().catch(() => undefined);
      return;
    }
    this.ensureRegistered(true);
  }

  setDevices(devices: AudioDevicePrefs): void {
    this.devices = { ...devices };
    for (const call of this.calls.values()) {
      if (call.audio) void this.routeAudio(call.audio, devices.speakerId);
    }
  }

  // ─── Registration ────────────────────────────────────────────────────────────────────────

  private ensureRegistered(fresh = false): void {
    if (!this.account) {
      this.setRegistration({ state: 'unregistered', reason: 'no_account' });
      return;
    }
    if (this.authRefused) return;
    if (fresh || !this.ua) {
      this.teardown();
      void this.connect();
      return;
    }
    if (this.ua.isConnected()) this.register();
    else this.reconnect();
  }

  /** Builds a UserAgent for the account, with the password fetched right now, and connects. */
  private async connect(): Promise<void> {
    const account = this.account;
    if (!account) return;
    const mine = ++this.generation;
    this.setRegistration({ state: 'registering', reason: null });
    let credentials;
    try {
      credentials = await this.options.backend.credentials(account.id);
    } catch {
      if (mine === this.generation) this.scheduleRetry('network');
      return;
    }
    if (mine !== this.generation) return;
    const uri = UserAgent.makeURI(`sip:${account.username}@${account.domain}`);
    if (!uri) {
      this.setRegistration({ state: 'failed', reason: 'rejected' });
      return;
    }
    this.iceServerCount = credentials.iceServers.length;
    const ua = buildUserAgent(uri, account, credentials, {
      onConnect: () => mine === this.generation && this.onConnected(),
      onDisconnect: () => mine === this.generation && this.onDisconnected(),
      onInvite: (invitation) => void this.onInvite(invitation, mine),
    });
    const registerer = new Registerer(ua, { expires: account.registerExpires });
    registerer.stateChange.addListener((state) => {
      if (mine !== this.generation || state !== RegistererState.Unregistered) return;
      // A refresh REGISTER that failed, or a registration that expired, while we thought all
      // was well. A refusal of one of our own REGISTERs is handled by onRegisterRejected,
      // which runs right after this listener: let it speak first.
      queueMicrotask(() => {
        if (
          mine === this.generation &&
          this.registration.state === 'registered' &&
          this.retryTimer === undefined &&
          !this.authRefused
        ) {
          this.scheduleRetry('network');
        }
      });
    });
    this.ua = ua;
    this.registerer = registerer;
    try {
      await ua.start();
    } catch {
      if (mine === this.generation) this.scheduleRetry('network');
    }
  }

  private reconnect(): void {
    const ua = this.ua;
    if (!ua) return void this.connect();
    const mine = this.generation;
    this.setRegistration({ state: 'registering', reason: 'network' });
    ua.reconnect().catch(() => {
      if (mine === this.generation) this.scheduleRetry('network');
    });
  }

  private onConnected(): void {
    this.clearRetry();
    this.watchdog.start();
    this.register();
    // Calls the lost connection cut off: their far end may still be there to hear our BYE.
    for (const session of this.byeOnReconnect) {
      if (session.state === SessionState.Established) void session.bye().catch(() => undefined);
      else void session.dispose().catch(() => undefined);
    }
    this.byeOnReconnect.clear();
  }

  private onDisconnected(): void {
    this.watchdog.stop();
    this.endCallsOnNetworkLoss();
    if (this.shouldBeRegistered && !this.authRefused) this.scheduleRetry('network');
    else this.setRegistration({ state: 'unregistered', reason: null });
  }

  private onDeadConnection(): void {
    // The socket still looks open, so sip.js will not notice: close it; onDisconnect follows.
    void this.ua?.transport.disconnect().catch(() => undefined);
  }

  private register(): void {
    const registerer = this.registerer;
    if (!registerer || this.authRefused) return;
    const mine = this.generation;
    if (this.registration.state !== 'registered') {
      this.setRegistration({ state: 'registering', reason: null });
    }
    registerer
      .register({
        requestDelegate: {
          // Not the Registerer's state change: after a reconnect it is still "Registered" from
          // before, and a 200 that changes nothing fires no event.
          onAccept: () => {
            if (mine !== this.generation) return;
            this.attempt = 0;
            this.setRegistration({ state: 'registered', reason: null, statusCode: null });
          },
          onReject: (response) => {
            if (mine === this.generation) this.onRegisterRejected(response.message.statusCode ?? 0);
          },
        },
      })
      // A REGISTER already in flight (RequestPendingError) answers for this one too.
      .catch(() => undefined);
  }

  private onRegisterRejected(statusCode: number): void {
    // sip.js answered the challenge with our credentials: another 401/407, or a 403, means
    // the password (or user) is wrong, and asking again would only be refused again.
    if (statusCode === 401 || statusCode === 403 || statusCode === 407) {
      this.authRefused = true;
      this.clearRetry();
      this.teardown();
      this.setRegistration({ state: 'failed', reason: 'auth_failed', statusCode });
      return;
    }
    this.scheduleRetry(
      statusCode === 408 || statusCode >= 500 ? 'network' : 'rejected',
      statusCode,
    );
  }

  private scheduleRetry(reason: 'network' | 'rejected', statusCode: number | null = null): void {
    if (!this.shouldBeRegistered || this.authRefused) return;
    if (this.retryTimer !== undefined) return; // one pending attempt is enough
    this.attempt += 1;
    const delay = backoffDelay(this.attempt, this.random);
    this.setRegistration({ state: 'failed', reason, statusCode, retryAt: this.now() + delay });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.shouldBeRegistered || this.authRefused) return;
      if (!this.ua) void this.connect();
      else if (this.ua.isConnected()) this.register();
      else this.reconnect();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private unregister(): void {
    this.clearRetry();
    const registerer = this.registerer;
    if (registerer?.state === RegistererState.Registered) {
      void registerer.unregister().catch(() => undefined);
    }
    this.setRegistration({ state: 'unregistered', reason: null });
  }

  /**
   * Drops the UserAgent (without waiting for a server that may be gone). Calls in progress keep
   * it until they end: changing the account or the password must not cut a customer off.
   */
  private teardown(): void {
    this.generation++;
    this.watchdog.stop();
    this.clearRetry();
    const ua = this.ua;
    this.ua = undefined;
    this.registerer = undefined;
    if (!ua) return;
    if (this.liveCalls().length > 0) this.retiring.add(ua);
    else void stopQuietly(ua);
  }

  /** Sends OPTIONS to the server; resolves on any response. */
  private ping(): Promise<void> {
    const ua = this.ua;
    const account = this.account;
    if (!ua || !account) return Promise.resolve();
    const server = UserAgent.makeURI(`sip:${account.domain}`);
    if (!server) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const core = ua.userAgentCore;
      const request = core.makeOutgoingRequestMessage(
        'OPTIONS',
        server,
        ua.configuration.uri,
        server,
        {},
      );
      core.request(request, { onAccept: () => resolve(), onReject: () => resolve() });
    });
  }

  private setRegistration(change: Partial<RegistrationView>): void {
    this.registration = {
      ...this.registration,
      retryAt: null,
      statusCode: null,
      ...change,
      accountName: this.account?.name ?? null,
    };
    this.emit({ type: 'registration', registration: this.registration });
  }

  // ─── Calls ───────────────────────────────────────────────────────────────────────────────

  /**
   * Calls `number` (a lead's stored number, or one typed on the keypad). The call record is
   * opened first, and a refusal there (a do-not-call lead) means nothing is dialled.
   * Resolves with the call's id once the INVITE is on its way.
   */
  async call(input: {
    number: string;
    leadId: string | null;
    leadName?: string | null;
    consultFor?: string | null;
  }): Promise<string> {
    const ua = this.ua;
    const account = this.account;
    if (!ua || !account || this.registration.state !== 'registered' || !ua.isConnected()) {
      throw new PhoneError('not_registered');
    }
    const uri = (number: string) => {
      const digits = dialString(number, account);
      return digits && UserAgent.makeURI(`sip:${escapeUser(digits)}@${account.domain}`);
    };
    // An agent with masking on only has `0912 *** 678`: main answers with the number to dial.
    const masked = isMaskedPhone(input.number);
    if (!masked && !uri(input.number)) throw new PhoneError('number_invalid');
    const record = await this.options.backend.startCall({
      leadId: input.leadId,
      direction: 'outbound',
      number: input.number,
      accountId: account.id,
    });
    const target = uri(record.number);
    if (!target) {
      this.options.backend
        .updateCall({ id: record.id, endedAt: this.now(), endCause: 'number_invalid' })
        .catch(() => undefined);
      throw new PhoneError('number_invalid');
    }
    const inviter = new Inviter(ua, target, {
      earlyMedia: true,
      sessionDescriptionHandlerOptions: this.mediaOptions(),
    });
    const call = this.track(record.id, inviter, {
      direction: 'outbound',
      number: input.number,
      leadId: input.leadId,
      leadName: input.leadName ?? null,
      state: 'dialling',
      consultFor: input.consultFor ?? null,
    });
    call.target = target;
    this.record(call, { sipCallId: inviter.request.callId });
    inviter
      .invite({
        requestDelegate: {
          onProgress: (response) => {
            if (response.message.statusCode === 183 && response.message.body) {
              call.earlyMedia = true;
              this.ringer.stop();
              this.playRemote(call);
            }
            // Once the network plays its own sound, a later 180 must not drown it in ours.
            if (call.earlyMedia) {
              this.update(call, { state: 'early' });
            } else if ((response.message.statusCode ?? 0) > 100) {
              this.update(call, { state: 'ringing' });
              this.ringer.play('ringback', this.devices.speakerId);
            }
          },
          onReject: (response) => {
            call.endCause ??= causeFromStatus(response.message.statusCode ?? 0);
          },
        },
      })
      .catch((error: unknown) => {
        const code = micErrorCode(error);
        call.endCause ??= code ? 'media_error' : 'failed';
        this.emit({ type: 'error', code: code ?? 'call_failed', callId: call.view.id });
        if (inviter.state !== SessionState.Terminated) void inviter.dispose();
      });
    return record.id;
  }

  answer(callId: string): Promise<void> {
    const call = this.calls.get(callId);
    if (!(call?.session instanceof Invitation) || call.session.state !== SessionState.Initial) {
      return Promise.resolve();
    }
    this.ringer.stop();
    return call.session
      .accept({ sessionDescriptionHandlerOptions: this.mediaOptions() })
      .catch((error: unknown) => {
        const code = micErrorCode(error);
        call.endCause ??= code ? 'media_error' : 'failed';
        this.emit({ type: 'error', code: code ?? 'call_failed', callId });
      });
  }

  /** Call waiting: put every other call on hold, then answer this one. */
  async holdAndAnswer(callId: string): Promise<void> {
    for (const other of this.liveCalls()) {
      if (other.view.id !== callId && other.session.state === SessionState.Established) {
        await this.setHold(other.view.id, true);
      }
    }
    await this.answer(callId);
  }

  reject(callId: string): Promise<void> {
    const call = this.calls.get(callId);
    if (!(call?.session instanceof Invitation) || call.session.state !== SessionState.Initial) {
      return Promise.resolve();
    }
    call.endCause = 'rejected';
    // 486 Busy Here: the caller's network plays "busy", as a real phone's reject button does.
    return call.session.reject({ statusCode: 486 }).catch(() => undefined);
  }

  /** Ends a call whatever its state: cancel, reject or BYE. */
  async hangup(callId: string): Promise<void> {
    const call = this.calls.get(callId);
    if (!call) return;
    const { session } = call;
    await this.sampleStats(call);
    try {
      if (session instanceof Inviter && session.state !== SessionState.Established) {
        call.endCause ??= 'cancelled';
        if (session.state === SessionState.Terminated) return;
        await session.cancel();
      } else if (session instanceof Invitation && session.state === SessionState.Initial) {
        await this.reject(callId);
      } else if (session.state === SessionState.Established) {
        call.endCause ??= 'local_hangup';
        await session.bye();
      }
    } catch {
      // A session that cannot send its BYE (no connection) is still over for the agent.
      call.endCause ??= 'local_hangup';
      void session.dispose().catch(() => undefined);
    }
  }

  /** Hold or resume with a re-INVITE; while held not a sound of the agent leaves the computer. */
  async setHold(callId: string, hold: boolean): Promise<void> {
    const call = this.calls.get(callId);
    if (!call || call.session.state !== SessionState.Established || call.held === hold) return;
    const { session } = call;
    session.sessionDescriptionHandlerOptionsReInvite = {
      ...session.sessionDescriptionHandlerOptionsReInvite,
      hold,
    } as Web.SessionDescriptionHandlerOptions;
    // Holding: silence the microphone before the offer leaves, not when the answer is back.
    const previous = call.held;
    call.held = hold;
    if (hold) this.applyTracks(call);
    const settled = new Promise<boolean>((resolve) => {
      session
        .invite({
          requestDelegate: {
            onAccept: () => resolve(true),
            onReject: () => resolve(false),
          },
        })
        .catch(() => resolve(false));
    });
    const accepted = await settled;
    if (!accepted) call.held = previous;
    this.applyTracks(call);
    this.update(call, { state: call.held ? 'held' : 'established' });
    if (!accepted) this.emit({ type: 'error', code: 'hold_failed', callId });
  }

  setMute(callId: string, muted: boolean): void {
    const call = this.calls.get(callId);
    if (!call) return;
    call.view = { ...call.view, muted };
    this.applyTracks(call);
    this.emitCall(call);
  }

  /** DTMF by RTP events (RFC 4733), or by SIP INFO where the account says so. */
  async sendDtmf(callId: string, tones: string): Promise<void> {
    const call = this.calls.get(callId);
    if (!call || !DTMF_TONES.test(tones) || call.session.state !== SessionState.Established) return;
    const sent =
      this.account?.dtmfMode === 'info'
        ? await sendInfoDtmf(call.session, tones)
        : (this.sdh(call)?.sendDtmf(tones, {
            duration: DTMF_DURATION_MS,
            interToneGap: DTMF_GAP_MS,
          }) ?? false);
    if (!sent) {
      this.emit({ type: 'error', code: 'dtmf_failed', callId });
      return;
    }
    this.update(call, { dtmfSent: call.view.dtmfSent + tones.toUpperCase() });
  }

  /** Blind transfer: REFER the customer to `number`, then leave the call. */
  async blindTransfer(callId: string, number: string): Promise<void> {
    const call = this.calls.get(callId);
    const target = this.targetFor(number);
    if (!call || !target) throw new PhoneError(target ? 'transfer_failed' : 'number_invalid');
    await this.refer(call, `<${target.toString()}>`);
  }

  /** Attended transfer, step 1: hold the customer and call the colleague. */
  async startConsult(callId: string, number: string): Promise<string> {
    const call = this.calls.get(callId);
    if (!call) throw new PhoneError('transfer_failed');
    await this.setHold(callId, true);
    return this.call({ number, leadId: null, consultFor: callId });
  }

  /**
   * Attended transfer, step 2: REFER the customer to the colleague with Replaces, so the
   * customer's new call takes the place of our consultation call.
   *
   * The Refer-To carries the colleague's address of record, not the Contact that sip.js would
   * use: a WebSocket client's Contact (`…@xyz.invalid;transport=ws`) can be routed only inside
   * the dialog, while the AOR reaches the colleague through the registrar like any call.
   */
  async completeTransfer(callId: string): Promise<void> {
    const call = this.calls.get(callId);
    const consult = this.liveCalls().find((c) => c.view.consultFor === callId);
    const dialog = consult?.session.dialog;
    if (!call || !consult?.target || !dialog) throw new PhoneError('transfer_failed');
    const replaces = encodeURIComponent(
      `${dialog.callId};to-tag=${dialog.remoteTag};from-tag=${dialog.localTag}`,
    );
    await this.refer(call, `<${consult.target.toString()}?Replaces=${replaces}>`);
    consult.endCause = 'transferred';
    // The colleague's phone ends our consultation leg when the customer's call replaces it;
    // if it does not, we do.
    setTimeout(() => void this.hangup(consult.view.id), 5_000);
  }

  /** Hangs up every call and unregisters; for the window closing. */
  async dispose(): Promise<void> {
    this.shouldBeRegistered = false;
    this.clearRetry();
    this.watchdog.stop();
    this.ringer.dispose();
    await Promise.all(this.liveCalls().map((c) => this.hangup(c.view.id)));
    const agents = [this.ua, ...this.retiring].filter((ua) => ua !== undefined);
    this.ua = undefined;
    this.retiring.clear();
    this.generation++;
    await Promise.all(agents.map((ua) => stopQuietly(ua)));
  }

  // ─── Inside a call ───────────────────────────────────────────────────────────────────────

  private async onInvite(invitation: Invitation, mine: number): Promise<void> {
    const account = this.account;
    if (mine !== this.generation || !account) {
      void invitation.reject({ statusCode: 480 }).catch(() => undefined);
      return;
    }
    // Call waiting shows one more call; a third caller hears busy.
    if (this.liveCalls().filter((c) => c.view.state !== 'held').length >= 2) {
      void invitation.reject({ statusCode: 486 }).catch(() => undefined);
      return;
    }
    const number = callerNumber(invitation.remoteIdentity.uri.user);
    const { backend } = this.options;
    const lead = await backend.lookupNumber(number).catch(() => null);
    let id: string;
    try {
      id = (
        await backend.startCall({
          leadId: lead?.id ?? null,
          direction: 'inbound',
          number,
          accountId: account.id,
        })
      ).id;
    } catch {
      // Without a record the call still rings: a customer on the line matters more.
      id = crypto.randomUUID();
    }
    const call = this.track(id, invitation, {
      direction: 'inbound',
      number,
      leadId: lead?.id ?? null,
      leadName: lead?.name ?? null,
      state: 'ringing',
      consultFor: null,
    });
    this.record(call, { sipCallId: invitation.request.callId });
    if (invitation.state === SessionState.Terminated) {
      this.finish(call); // the caller gave up while we looked the number up
      return;
    }
    // Already on a call: a discreet beep in the headset, not the loud ringer.
    const busy = this.liveCalls().some((c) => c !== call && c.view.state !== 'ringing');
    this.ringer.play(
      busy ? 'waiting' : 'ring',
      busy ? this.devices.speakerId : this.devices.ringerId,
    );
  }

  private track(
    id: string,
    session: Session,
    fields: Pick<CallView, 'direction' | 'number' | 'leadId' | 'leadName' | 'state' | 'consultFor'>,
  ): LiveCall {
    const call: LiveCall = {
      view: {
        id,
        ...fields,
        muted: false,
        startedAt: this.now(),
        answeredAt: null,
        endedAt: null,
        endCause: null,
        dtmfSent: '',
        quality: null,
        mediaLost: false,
      },
      session,
      held: false,
      endCause: null,
      audio: null,
      statsTimer: undefined,
      media: null,
      recording: Promise.resolve(),
      target: null,
      earlyMedia: false,
    };
    this.calls.set(id, call);
    session.delegate = {
      ...session.delegate,
      onSessionDescriptionHandler: (sdh) => {
        if (sdh instanceof Web.SessionDescriptionHandler && this.iceServerCount === 0) {
          hurryIceGathering(sdh);
        }
        this.playRemote(call);
      },
    };
    session.stateChange.addListener((state) => {
      if (state === SessionState.Established) this.onEstablished(call);
      if (state === SessionState.Terminated) this.finish(call);
    });
    this.emitCall(call);
    return call;
  }

  private onEstablished(call: LiveCall): void {
    if (call.view.answeredAt !== null) return;
    const answeredAt = this.now();
    this.ringer.stop();
    if (this.liveCalls().some((c) => c.view.state === 'ringing')) {
      this.ringer.play('waiting', this.devices.speakerId);
    }
    this.update(call, { state: 'established', answeredAt });
    this.record(call, { answeredAt });
    this.applyTracks(call);
    this.playRemote(call);
    // A replaced session (attended transfer to us) ends the one it replaces.
    const replacee = call.session.replacee;
    if (replacee) {
      const old = [...this.calls.values()].find((c) => c.session === replacee);
      if (old) old.endCause = 'replaced';
    }
    this.watchMedia(call);
  }

  /**
   * Reads the call's stats every second until it ends: its quality, and whether the far end's
   * audio still arrives (nothing on the signalling side tells when a media path dies). A chain
   * of timeouts, not an interval: a getStats slowed down by a busy machine never piles up.
   */
  private watchMedia(call: LiveCall): void {
    const every = this.options.statsIntervalMs ?? 1_000;
    const tick = async () => {
      const sample = await sampleMedia(this.sdh(call), call.held);
      if (call.view.state === 'ended') return;
      if (sample) {
        call.media = assessMedia(call.media, { at: this.now(), ...sample.media });
        const change: Partial<CallView> = {};
        if (call.media.lost !== call.view.mediaLost) change.mediaLost = call.media.lost;
        if (JSON.stringify(sample.quality) !== JSON.stringify(call.view.quality)) {
          change.quality = sample.quality;
        }
        if (Object.keys(change).length > 0) this.update(call, change);
      }
      call.statsTimer = setTimeout(() => void tick(), every);
    };
    call.statsTimer = setTimeout(() => void tick(), every);
  }

  private finish(call: LiveCall): void {
    if (call.view.state === 'ended') return;
    if (call.statsTimer !== undefined) clearTimeout(call.statsTimer);
    call.statsTimer = undefined;
    if (call.audio) {
      call.audio.pause();
      call.audio.srcObject = null;
    }
    const answered = call.view.answeredAt !== null;
    const cause: EndCause =
      call.endCause ??
      (answered ? 'remote_hangup' : call.view.direction === 'inbound' ? 'missed' : 'failed');
    // Whoever hung up, it was over dead air: the record says why the conversation ended.
    const endCause =
      call.view.mediaLost && (cause === 'local_hangup' || cause === 'remote_hangup')
        ? 'media_lost'
        : cause;
    const endedAt = this.now();
    this.update(call, { state: 'ended', endedAt, endCause });
    this.record(call, {
      endedAt,
      endCause,
      ...(call.view.quality ? { quality: call.view.quality } : {}),
    });
    this.calls.delete(call.view.id);
    this.byeOnReconnect.delete(call.session);
    const ringing = this.liveCalls().find((c) => c.view.state === 'ringing');
    if (!ringing) this.ringer.stop();
    else if (this.liveCalls().length === 1) this.ringer.play('ring', this.devices.ringerId);
    if (this.liveCalls().length === 0) {
      for (const ua of this.retiring) void stopQuietly(ua);
      this.retiring.clear();
    }
  }

  /**
   * The signalling connection is gone. The calls it carried are over for the agent (nobody can
   * hold, transfer or even hang them up properly); they are recorded as ended by the network,
   * their media stopped, and the BYE goes out as soon as a connection is back.
   *
   * One not answered yet ends now too: its CANCEL cannot leave, and after a provisional
   * response sip.js waits for a final one with no timer at all, so its session would stay
   * "terminating" (ringback playing, record open) for as long as the page lives.
   */
  private endCallsOnNetworkLoss(): void {
    for (const call of this.liveCalls()) {
      call.endCause ??= 'network';
      const { session } = call;
      if (session.state === SessionState.Established) {
        this.byeOnReconnect.add(session);
        setTimeout(() => {
          if (this.byeOnReconnect.delete(session)) void session.dispose().catch(() => undefined);
        }, BYE_AFTER_RECONNECT_MS);
        this.sdh(call)?.close();
      } else {
        void session.dispose().catch(() => undefined);
      }
      this.finish(call);
    }
  }

  private async refer(call: LiveCall, referTo: string): Promise<void> {
    const ua = this.ua;
    if (!ua || call.session.state !== SessionState.Established) {
      throw new PhoneError('transfer_failed');
    }
    const accepted = await sendRefer(call.session, ua, referTo);
    if (!accepted) {
      this.emit({ type: 'error', code: 'transfer_failed', callId: call.view.id });
      throw new PhoneError('transfer_failed');
    }
    // The customer now calls the new party; our leg is done.
    call.endCause = 'transferred';
    await call.session.bye().catch(() => undefined);
  }

  private mediaOptions(): Web.SessionDescriptionHandlerOptions {
    return { constraints: { audio: micConstraints(this.devices.micId), video: false } };
  }

  private sdh(call: LiveCall): WebSdh | undefined {
    return webSdh(call.session);
  }

  private applyTracks(call: LiveCall): void {
    applyTracks(this.sdh(call), call.held, call.view.muted);
  }

  /** Plays the far end (early media included) on the chosen speaker. */
  private playRemote(call: LiveCall): void {
    const sdh = this.sdh(call);
    if (!sdh) return;
    call.audio ??= new Audio();
    if (playRemote(call.audio, sdh)) void this.routeAudio(call.audio, this.devices.speakerId);
  }

  private async routeAudio(audio: HTMLAudioElement, speakerId: string | null): Promise<void> {
    if (!('setSinkId' in audio)) return;
    try {
      await audio.setSinkId(speakerId ?? '');
    } catch {
      this.emit({ type: 'error', code: 'speaker_failed', callId: null });
    }
  }

  private async sampleStats(call: LiveCall): Promise<void> {
    const sample = await sampleMedia(this.sdh(call), call.held);
    if (sample && call.view.state !== 'ended') this.update(call, { quality: sample.quality });
  }

  private targetFor(number: string): URI | undefined {
    const account = this.account;
    if (!account) return undefined;
    const digits = dialString(number, account);
    return (
      (digits && UserAgent.makeURI(`sip:${escapeUser(digits)}@${account.domain}`)) || undefined
    );
  }

  private liveCalls(): LiveCall[] {
    return [...this.calls.values()].filter((c) => c.view.state !== 'ended');
  }

  private update(call: LiveCall, change: Partial<CallView>): void {
    if (call.view.state === 'ended' && change.state !== 'ended') return;
    call.view = { ...call.view, ...change };
    this.emitCall(call);
  }

  /** Call-record writes go out one after another, so the end never overtakes the answer. */
  private record(
    call: LiveCall,
    change: Omit<Parameters<PhoneBackend['updateCall']>[0], 'id'>,
  ): void {
    const id = call.view.id;
    call.recording = call.recording
      .then(() => this.options.backend.updateCall({ id, ...change }))
      .catch((error: unknown) => console.warn('[phone] call record not updated', String(error)));
  }

  private emitCall(call: LiveCall): void {
    this.emit({ type: 'call', call: call.view });
  }

  private emit(event: PhoneEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('[phone] listener failed', error);
      }
    }
  }
}

/** '#' starts a URI's fragment; in a SIP user part it is written %23. */
function escapeUser(digits: string): string {
  return digits.replace(/#/g, '%23');
}
