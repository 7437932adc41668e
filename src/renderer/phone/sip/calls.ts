import { Invitation, Inviter, SessionState, type Web } from 'sip.js';
import { isMaskedPhone } from '../../../shared/phoneMask';
import { applyTracks, mediaOptions, playRemote, sampleStats, sdhOf } from './callMedia';
import { callerNumber } from './dialPlan';
import { causeFromStatus } from './endCause';
import { micErrorCode } from './mediaErrors';
import {
  dialTarget,
  emit,
  emitCall,
  liveCalls,
  PhoneError,
  record,
  update,
  type PhoneCore,
} from './phoneCore';
import { DTMF_DURATION_MS, DTMF_GAP_MS, sendInfoDtmf } from './sessionMedia';
import { finish, track } from './sessions';

// What the agent does with calls: place one, answer, reject, hang up, hold, mute, send digits;
// and what an incoming INVITE becomes.

const DTMF_TONES = /^[0-9A-D*#]+$/i;

export interface CallInput {
  number: string;
  leadId: string | null;
  leadName?: string | null;
  consultFor?: string | null;
}

/**
 * Calls `number` (a lead's stored number, or one typed on the keypad). The call record is
 * opened first, and a refusal there (a do-not-call lead) means nothing is dialled.
 * Resolves with the call's id once the INVITE is on its way.
 */
export async function placeCall(core: PhoneCore, input: CallInput): Promise<string> {
  const ua = core.ua;
  const account = core.account;
  if (!ua || !account || core.registration.state !== 'registered' || !ua.isConnected()) {
    throw new PhoneError('not_registered');
  }
  // An agent with masking on only has `0912 *** 678`: main answers with the number to dial.
  const masked = isMaskedPhone(input.number);
  if (!masked && !dialTarget(input.number, account)) throw new PhoneError('number_invalid');
  const recorded = await core.backend.startCall({
    leadId: input.leadId,
    direction: 'outbound',
    number: input.number,
    accountId: account.id,
  });
  const target = dialTarget(recorded.number, account);
  if (!target) {
    core.backend
      .updateCall({ id: recorded.id, endedAt: core.now(), endCause: 'number_invalid' })
      .catch(() => undefined);
    throw new PhoneError('number_invalid');
  }
  const inviter = new Inviter(ua, target, {
    earlyMedia: true,
    sessionDescriptionHandlerOptions: mediaOptions(core),
  });
  const call = track(core, recorded.id, inviter, {
    direction: 'outbound',
    number: input.number,
    leadId: input.leadId,
    leadName: input.leadName ?? null,
    state: 'dialling',
    consultFor: input.consultFor ?? null,
  });
  call.target = target;
  record(core, call, { sipCallId: inviter.request.callId });
  inviter
    .invite({
      requestDelegate: {
        onProgress: (response) => {
          if (response.message.statusCode === 183 && response.message.body) {
            call.earlyMedia = true;
            core.ringer.stop();
            playRemote(core, call);
          }
          // Once the network plays its own sound, a later 180 must not drown it in ours.
          if (call.earlyMedia) {
            update(core, call, { state: 'early' });
          } else if ((response.message.statusCode ?? 0) > 100) {
            update(core, call, { state: 'ringing' });
            core.ringer.play('ringback', core.devices.speakerId);
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
      emit(core, { type: 'error', code: code ?? 'call_failed', callId: call.view.id });
      if (inviter.state !== SessionState.Terminated) void inviter.dispose();
    });
  return recorded.id;
}

/** An incoming INVITE: screen-popped by its number, recorded, ringing (or refused). */
export async function onInvite(
  core: PhoneCore,
  invitation: Invitation,
  mine: number,
): Promise<void> {
  const account = core.account;
  if (mine !== core.generation || !account) {
    void invitation.reject({ statusCode: 480 }).catch(() => undefined);
    return;
  }
  // Call waiting shows one more call; a third caller hears busy.
  if (liveCalls(core).filter((c) => c.view.state !== 'held').length >= 2) {
    void invitation.reject({ statusCode: 486 }).catch(() => undefined);
    return;
  }
  const number = callerNumber(invitation.remoteIdentity.uri.user);
  const { backend } = core;
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
  const call = track(core, id, invitation, {
    direction: 'inbound',
    number,
    leadId: lead?.id ?? null,
    leadName: lead?.name ?? null,
    state: 'ringing',
    consultFor: null,
  });
  record(core, call, { sipCallId: invitation.request.callId });
  if (invitation.state === SessionState.Terminated) {
    finish(core, call); // the caller gave up while we looked the number up
    return;
  }
  // Already on a call: a discreet beep in the headset, not the loud ringer.
  const busy = liveCalls(core).some((c) => c !== call && c.view.state !== 'ringing');
  core.ringer.play(
    busy ? 'waiting' : 'ring',
    busy ? core.devices.speakerId : core.devices.ringerId,
  );
}

export function answer(core: PhoneCore, callId: string): Promise<void> {
  const call = core.calls.get(callId);
  if (!(call?.session instanceof Invitation) || call.session.state !== SessionState.Initial) {
    return Promise.resolve();
  }
  core.ringer.stop();
  return call.session
    .accept({ sessionDescriptionHandlerOptions: mediaOptions(core) })
    .catch((error: unknown) => {
      const code = micErrorCode(error);
      call.endCause ??= code ? 'media_error' : 'failed';
      emit(core, { type: 'error', code: code ?? 'call_failed', callId });
    });
}

/** Call waiting: put every other call on hold, then answer this one. */
export async function holdAndAnswer(core: PhoneCore, callId: string): Promise<void> {
  for (const other of liveCalls(core)) {
    if (other.view.id !== callId && other.session.state === SessionState.Established) {
      await setHold(core, other.view.id, true);
    }
  }
  await answer(core, callId);
}

export function reject(core: PhoneCore, callId: string): Promise<void> {
  const call = core.calls.get(callId);
  if (!(call?.session instanceof Invitation) || call.session.state !== SessionState.Initial) {
    return Promise.resolve();
  }
  call.endCause = 'rejected';
  // 486 Busy Here: the caller's network plays "busy", as a real phone's reject button does.
  return call.session.reject({ statusCode: 486 }).catch(() => undefined);
}

/** Ends a call whatever its state: cancel, reject or BYE. */
export async function hangup(core: PhoneCore, callId: string): Promise<void> {
  const call = core.calls.get(callId);
  if (!call) return;
  const { session } = call;
  await sampleStats(core, call);
  try {
    if (session instanceof Inviter && session.state !== SessionState.Established) {
      call.endCause ??= 'cancelled';
      if (session.state === SessionState.Terminated) return;
      await session.cancel();
    } else if (session instanceof Invitation && session.state === SessionState.Initial) {
      await reject(core, callId);
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
export async function setHold(core: PhoneCore, callId: string, hold: boolean): Promise<void> {
  const call = core.calls.get(callId);
  if (!call || call.session.state !== SessionState.Established || call.held === hold) return;
  const { session } = call;
  session.sessionDescriptionHandlerOptionsReInvite = {
    ...session.sessionDescriptionHandlerOptionsReInvite,
    hold,
  } as Web.SessionDescriptionHandlerOptions;
  // Holding: silence the microphone before the offer leaves, not when the answer is back.
  const previous = call.held;
  call.held = hold;
  if (hold) applyTracks(call);
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
  applyTracks(call);
  update(core, call, { state: call.held ? 'held' : 'established' });
  if (!accepted) emit(core, { type: 'error', code: 'hold_failed', callId });
}

export function setMute(core: PhoneCore, callId: string, muted: boolean): void {
  const call = core.calls.get(callId);
  if (!call) return;
  call.view = { ...call.view, muted };
  applyTracks(call);
  emitCall(core, call);
}

/** DTMF by RTP events (RFC 4733), or by SIP INFO where the account says so. */
export async function sendDtmf(core: PhoneCore, callId: string, tones: string): Promise<void> {
  const call = core.calls.get(callId);
  if (!call || !DTMF_TONES.test(tones) || call.session.state !== SessionState.Established) return;
  const sent =
    core.account?.dtmfMode === 'info'
      ? await sendInfoDtmf(call.session, tones)
      : (sdhOf(call)?.sendDtmf(tones, {
          duration: DTMF_DURATION_MS,
          interToneGap: DTMF_GAP_MS,
        }) ?? false);
  if (!sent) {
    emit(core, { type: 'error', code: 'dtmf_failed', callId });
    return;
  }
  update(core, call, { dtmfSent: call.view.dtmfSent + tones.toUpperCase() });
}
