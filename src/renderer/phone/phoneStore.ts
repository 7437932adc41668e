import type { CallBlock } from '../../shared/api/compliance';
import { createStore } from 'zustand/vanilla';
import type { Lead } from '../../shared/domain';
import type {
  AudioDevicePrefs,
  CallView,
  PhoneErrorCode,
  PhoneEvent,
  RegistrationView,
} from './phoneTypes';

/** A problem to show: the phone's own codes, or an API error code (`do_not_call`, …). */
export interface PhoneNotice {
  code: PhoneErrorCode | string;
  /** `phone.error.` for the phone's codes, `errors.code.` for the API's. */
  source: 'phone' | 'api';
  callId: string | null;
  /** Why a call was refused (a do-not-call list, the 24-hour rule): said in full. */
  block?: CallBlock;
}

/** After a call ends, what the agent is asked to do next. */
export type FollowUp =
  | { kind: 'disposition'; callId: string; leadId: string }
  | { kind: 'saveNumber'; callId: string; number: string };

export interface PhoneState {
  registration: RegistrationView;
  /** Live calls and the last few ended ones, by id. */
  calls: Record<string, CallView>;
  /** Call ids, oldest first. */
  order: string[];
  notice: PhoneNotice | null;
  /** Follow-ups of ended calls, oldest first; the UI works through them. */
  followUps: FollowUp[];
  devices: AudioDevicePrefs;
  /** After a disposition, dial the next lead after a countdown. */
  powerMode: boolean;
  /** The lead whose disposition was just saved (power mode starts from there). */
  lastDisposition: { leadId: string; at: number } | null;
  apply(event: PhoneEvent): void;
  showNotice(notice: PhoneNotice | null): void;
  doneFollowUp(callId: string): void;
  setDevices(devices: AudioDevicePrefs): void;
  setPowerMode(on: boolean): void;
  dispositionSaved(leadId: string, at: number): void;
}

/** How many ended calls stay in the store (the call bar shows the last one briefly). */
const KEEP_ENDED = 5;

export const initialRegistration: RegistrationView = {
  state: 'unregistered',
  reason: null,
  statusCode: null,
  retryAt: null,
  accountName: null,
};

/** The phone as the UI sees it, fed by Phone's events; no sip.js object ever lands here. */
export function createPhoneStore(initial: Partial<Pick<PhoneState, 'devices' | 'powerMode'>> = {}) {
  return createStore<PhoneState>()((set, get) => ({
    registration: initialRegistration,
    calls: {},
    order: [],
    notice: null,
    followUps: [],
    devices: initial.devices ?? { micId: null, speakerId: null, ringerId: null },
    powerMode: initial.powerMode ?? false,
    lastDisposition: null,
    apply(event) {
      if (event.type === 'registration') {
        set({ registration: event.registration });
        return;
      }
      if (event.type === 'error') {
        set({ notice: { code: event.code, source: 'phone', callId: event.callId } });
        return;
      }
      const { call } = event;
      const state = get();
      const before = state.calls[call.id];
      const order = before ? state.order : [...state.order, call.id];
      const calls = { ...state.calls, [call.id]: call };
      const justEnded = call.state === 'ended' && before?.state !== 'ended';
      const followUp = justEnded ? followUpFor(call) : null;
      set({
        ...pruneEnded(calls, order),
        followUps: followUp ? [...state.followUps, followUp] : state.followUps,
      });
    },
    showNotice(notice) {
      set({ notice });
    },
    doneFollowUp(callId) {
      set({ followUps: get().followUps.filter((f) => f.callId !== callId) });
    },
    setDevices(devices) {
      set({ devices });
    },
    setPowerMode(powerMode) {
      set({ powerMode });
    },
    dispositionSaved(leadId, at) {
      set({ lastDisposition: { leadId, at } });
    },
  }));
}

export type PhoneStore = ReturnType<typeof createPhoneStore>;

function pruneEnded(
  calls: Record<string, CallView>,
  order: string[],
): Pick<PhoneState, 'calls' | 'order'> {
  const ended = order.filter((id) => calls[id]?.state === 'ended');
  const drop = new Set(ended.slice(0, Math.max(0, ended.length - KEEP_ENDED)));
  if (drop.size === 0) return { calls, order };
  const kept = order.filter((id) => !drop.has(id));
  return { calls: Object.fromEntries(kept.map((id) => [id, calls[id]!])), order: kept };
}

// ─── Selectors (pure) ────────────────────────────────────────────────────────────────────────

type CallsSlice = Pick<PhoneState, 'calls' | 'order'>;

export function callList(s: CallsSlice): CallView[] {
  return s.order.map((id) => s.calls[id]).filter((c): c is CallView => c !== undefined);
}

export function liveCalls(s: CallsSlice): CallView[] {
  return callList(s).filter((c) => c.state !== 'ended');
}

/** Inbound calls waiting for an answer, oldest first. */
export function incomingCalls(s: CallsSlice): CallView[] {
  return liveCalls(s).filter((c) => c.direction === 'inbound' && c.state === 'ringing');
}

/** Calls the agent is in (or dialling): everything live except unanswered incoming ones. */
export function engagedCalls(s: CallsSlice): CallView[] {
  return liveCalls(s).filter((c) => !(c.direction === 'inbound' && c.state === 'ringing'));
}

/**
 * The call the call bar and the hotkeys act on: the newest one not on hold, else the newest
 * held one. Unanswered incoming calls are never it (they have their own popup), nor is the
 * consultation leg of an attended transfer while the customer's call lasts.
 */
export function focusedCall(s: CallsSlice): CallView | null {
  // A consultation leg shows inside its customer's call bar, not in place of it.
  const engaged = engagedCalls(s).filter(
    (c) =>
      !c.consultFor ||
      s.calls[c.consultFor] === undefined ||
      s.calls[c.consultFor]!.state === 'ended',
  );
  const active = engaged.filter((c) => c.state !== 'held');
  return active.at(-1) ?? engaged.at(-1) ?? null;
}

/** The consultation leg of an attended transfer started from `callId`, if any. */
export function consultOf(s: CallsSlice, callId: string): CallView | null {
  return liveCalls(s).find((c) => c.consultFor === callId) ?? null;
}

/** The agent can place a new call: registered, and not already talking to someone. */
export function canDial(s: CallsSlice & Pick<PhoneState, 'registration'>): boolean {
  return s.registration.state === 'registered' && engagedCalls(s).every((c) => c.state === 'held');
}

/** Seconds of conversation so far (or in total, once ended). */
export function talkSeconds(call: CallView, now: number): number {
  if (call.answeredAt === null) return 0;
  const end = call.endedAt ?? now;
  return Math.max(0, Math.floor((end - call.answeredAt) / 1000));
}

/** 0:07, 12:34, 1:02:03. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/**
 * What follows a call: the disposition panel on its lead; for an unknown caller (answered or
 * missed), the offer to save the number as a lead. A consultation call asks for nothing.
 */
export function followUpFor(call: CallView): FollowUp | null {
  if (call.state !== 'ended' || call.consultFor !== null) return null;
  // A known caller the agent never spoke to has no outcome to record (the queue still shows
  // the lead); an outgoing call that was not answered does ("Chưa gọi được").
  const spoke = call.answeredAt !== null || call.direction === 'outbound';
  if (call.leadId) {
    return spoke ? { kind: 'disposition', callId: call.id, leadId: call.leadId } : null;
  }
  if (call.direction === 'inbound' && call.number) {
    return { kind: 'saveNumber', callId: call.id, number: call.number };
  }
  return null;
}

/** The i18n key (under `phone.status.`) that describes the registration. */
export function registrationKey(r: RegistrationView): string {
  if (r.state === 'failed' && r.reason) return r.reason;
  // Trying again after a loss is still "lost" to the agent, not a fresh "connecting".
  if (r.state === 'registering' && r.reason === 'network') return 'reconnecting';
  if (r.state === 'unregistered' && r.reason === 'no_account') return 'no_account';
  return r.state;
}

/**
 * Power mode's next lead: the first one in the queue (which is already ordered overdue
 * callbacks first, then "call now") that is due, callable, and not the one just handled.
 */
export function nextLeadToDial(
  queue: readonly Lead[],
  justHandled: string | null,
  now: number,
): Lead | null {
  return (
    queue.find(
      (lead) =>
        lead.id !== justHandled &&
        lead.phone !== null &&
        !lead.doNotCall &&
        !lead.dncList &&
        !lead.phoneWrong &&
        (lead.nextAction === 'call_now' ||
          (lead.nextAction === 'callback' &&
            lead.nextActionAt !== null &&
            lead.nextActionAt <= now)),
    ) ?? null
  );
}
