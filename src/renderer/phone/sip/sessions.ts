import { SessionState, Web, type Session } from 'sip.js';
import type { CallView } from '../phoneTypes';
import { applyTracks, playRemote, sdhOf, stopMedia, watchMedia } from './callMedia';
import type { EndCause } from './endCause';
import { emitCall, liveCalls, record, update, type LiveCall, type PhoneCore } from './phoneCore';
import { hurryIceGathering } from './sessionMedia';
import { stopQuietly } from './userAgent';

// A call's life as the phone follows it: its session tracked, answered, ended or cut off.

/** After a network loss, how long a call may wait for the connection to send its BYE. */
const BYE_AFTER_RECONNECT_MS = 30_000;

/** Starts following a session as one of the agent's calls, and tells the screen. */
export function track(
  core: PhoneCore,
  id: string,
  session: Session,
  fields: Pick<CallView, 'direction' | 'number' | 'leadId' | 'leadName' | 'state' | 'consultFor'>,
): LiveCall {
  const call: LiveCall = {
    view: {
      id,
      ...fields,
      muted: false,
      startedAt: core.now(),
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
  core.calls.set(id, call);
  session.delegate = {
    ...session.delegate,
    onSessionDescriptionHandler: (sdh) => {
      if (sdh instanceof Web.SessionDescriptionHandler && core.iceServerCount === 0) {
        hurryIceGathering(sdh);
      }
      playRemote(core, call);
    },
  };
  session.stateChange.addListener((state) => {
    if (state === SessionState.Established) onEstablished(core, call);
    if (state === SessionState.Terminated) finish(core, call);
  });
  emitCall(core, call);
  return call;
}

function onEstablished(core: PhoneCore, call: LiveCall): void {
  if (call.view.answeredAt !== null) return;
  const answeredAt = core.now();
  core.ringer.stop();
  if (liveCalls(core).some((c) => c.view.state === 'ringing')) {
    core.ringer.play('waiting', core.devices.speakerId);
  }
  update(core, call, { state: 'established', answeredAt });
  record(core, call, { answeredAt });
  applyTracks(call);
  playRemote(core, call);
  // A replaced session (attended transfer to us) ends the one it replaces.
  const replacee = call.session.replacee;
  if (replacee) {
    const old = [...core.calls.values()].find((c) => c.session === replacee);
    if (old) old.endCause = 'replaced';
  }
  watchMedia(core, call);
}

/** The call is over: why, recorded; the ringer and retired connections follow what is left. */
export function finish(core: PhoneCore, call: LiveCall): void {
  if (call.view.state === 'ended') return;
  stopMedia(call);
  const answered = call.view.answeredAt !== null;
  const cause: EndCause =
    call.endCause ??
    (answered ? 'remote_hangup' : call.view.direction === 'inbound' ? 'missed' : 'failed');
  // Whoever hung up, it was over dead air: the record says why the conversation ended.
  const endCause =
    call.view.mediaLost && (cause === 'local_hangup' || cause === 'remote_hangup')
      ? 'media_lost'
      : cause;
  const endedAt = core.now();
  update(core, call, { state: 'ended', endedAt, endCause });
  record(core, call, {
    endedAt,
    endCause,
    ...(call.view.quality ? { quality: call.view.quality } : {}),
  });
  core.calls.delete(call.view.id);
  core.byeOnReconnect.delete(call.session);
  const ringing = liveCalls(core).find((c) => c.view.state === 'ringing');
  if (!ringing) core.ringer.stop();
  else if (liveCalls(core).length === 1) core.ringer.play('ring', core.devices.ringerId);
  if (liveCalls(core).length === 0) {
    for (const ua of core.retiring) void stopQuietly(ua);
    core.retiring.clear();
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
export function endCallsOnNetworkLoss(core: PhoneCore): void {
  for (const call of liveCalls(core)) {
    call.endCause ??= 'network';
    const { session } = call;
    // Finished first: finishing forgets the session's pending BYE, which this one still needs.
    finish(core, call);
    if (session.state === SessionState.Established) {
      core.byeOnReconnect.add(session);
      setTimeout(() => {
        if (core.byeOnReconnect.delete(session)) void session.dispose().catch(() => undefined);
      }, BYE_AFTER_RECONNECT_MS);
      sdhOf(call)?.close();
    } else {
      void session.dispose().catch(() => undefined);
    }
  }
}
