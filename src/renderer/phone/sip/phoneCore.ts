import { UserAgent, type Registerer, type Session, type URI } from 'sip.js';
import type { SipAccountView } from '../../../shared/softphone';
import type {
  AudioDevicePrefs,
  CallView,
  PhoneErrorCode,
  PhoneEvent,
  PhoneListener,
  RegistrationView,
} from '../phoneTypes';
import { Ringer } from '../ringer';
import { ConnectionWatchdog, type WatchdogOptions } from './connectionWatchdog';
import { dialString } from './dialPlan';
import type { EndCause } from './endCause';
import type { MediaHealth } from './mediaHealth';
import type { PhoneBackend } from './phoneBackend';

/*
 * The Phone's state, held in one record that its parts (registration, calls, sessions,
 * media, transfer) read and change. Only the Phone makes one, and nothing of it leaves the
 * phone: the rest of the renderer sees plain events.
 */

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
export interface LiveCall {
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

export interface PhoneCore {
  readonly backend: PhoneBackend;
  readonly now: () => number;
  readonly random: () => number;
  readonly statsIntervalMs: number;
  readonly listeners: Set<PhoneListener>;
  readonly calls: Map<string, LiveCall>;
  readonly ringer: Ringer;
  readonly watchdog: ConnectionWatchdog;
  account: SipAccountView | null;
  ua: UserAgent | undefined;
  registerer: Registerer | undefined;
  shouldBeRegistered: boolean;
  /** The password was refused: no automatic attempt until the account or the agent says so. */
  authRefused: boolean;
  attempt: number;
  retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped whenever the UserAgent is replaced, so late callbacks of an old one are ignored. */
  generation: number;
  devices: AudioDevicePrefs;
  /** STUN/TURN servers of the account in use (none: host candidates only). */
  iceServerCount: number;
  /** Calls cut off by a lost connection whose far end still deserves a BYE. */
  readonly byeOnReconnect: Set<Session>;
  /** Replaced UserAgents that still carry calls; stopped when those calls end. */
  readonly retiring: Set<UserAgent>;
  registration: RegistrationView;
}

/**
 * OPTIONS keep-alive: a dead connection is noticed within 20 s. Often enough for an agent
 * waiting on calls, rare enough not to matter to a PBX (one request per agent per 15 s).
 */
const PING_INTERVAL_MS = 15_000;
const PING_TIMEOUT_MS = 5_000;

/** A fresh state; `watch` is how the connection watchdog pings and what it does on silence. */
export function createPhoneCore(
  options: PhoneOptions,
  watch: Pick<WatchdogOptions, 'ping' | 'onDead'>,
): PhoneCore {
  return {
    backend: options.backend,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    statsIntervalMs: options.statsIntervalMs ?? 1_000,
    listeners: new Set(),
    calls: new Map(),
    ringer: new Ringer(),
    watchdog: new ConnectionWatchdog({
      intervalMs: options.pingIntervalMs ?? PING_INTERVAL_MS,
      timeoutMs: options.pingTimeoutMs ?? PING_TIMEOUT_MS,
      ...watch,
    }),
    account: null,
    ua: undefined,
    registerer: undefined,
    shouldBeRegistered: false,
    authRefused: false,
    attempt: 0,
    retryTimer: undefined,
    generation: 0,
    devices: { micId: null, speakerId: null, ringerId: null },
    iceServerCount: 0,
    byeOnReconnect: new Set(),
    retiring: new Set(),
    registration: {
      state: 'unregistered',
      reason: null,
      statusCode: null,
      retryAt: null,
      accountName: null,
    },
  };
}

export function liveCalls(core: PhoneCore): LiveCall[] {
  return [...core.calls.values()].filter((c) => c.view.state !== 'ended');
}

export function emit(core: PhoneCore, event: PhoneEvent): void {
  for (const listener of core.listeners) {
    try {
      listener(event);
    } catch (error) {
      console.error('[phone] listener failed', error);
    }
  }
}

export function emitCall(core: PhoneCore, call: LiveCall): void {
  emit(core, { type: 'call', call: call.view });
}

export function update(core: PhoneCore, call: LiveCall, change: Partial<CallView>): void {
  if (call.view.state === 'ended' && change.state !== 'ended') return;
  call.view = { ...call.view, ...change };
  emitCall(core, call);
}

/** Call-record writes go out one after another, so the end never overtakes the answer. */
export function record(
  core: PhoneCore,
  call: LiveCall,
  change: Omit<Parameters<PhoneBackend['updateCall']>[0], 'id'>,
): void {
  const id = call.view.id;
  call.recording = call.recording
    .then(() => core.backend.updateCall({ id, ...change }))
    .catch((error: unknown) => console.warn('[phone] call record not updated', String(error)));
}

export function setRegistration(core: PhoneCore, change: Partial<RegistrationView>): void {
  core.registration = {
    ...core.registration,
    retryAt: null,
    statusCode: null,
    ...change,
    accountName: core.account?.name ?? null,
  };
  emit(core, { type: 'registration', registration: core.registration });
}

/** The SIP URI that `number` is dialled as on `account` (its dial plan and domain). */
export function dialTarget(number: string, account: SipAccountView): URI | undefined {
  const digits = dialString(number, account);
  return (digits && UserAgent.makeURI(`sip:${escapeUser(digits)}@${account.domain}`)) || undefined;
}

/** '#' starts a URI's fragment; in a SIP user part it is written %23. */
function escapeUser(digits: string): string {
  return digits.replace(/#/g, '%23');
}
