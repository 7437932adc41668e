import type { Web } from 'sip.js';
import type { AudioDevicePrefs, CallView } from '../phoneTypes';
import { micConstraints } from './mediaErrors';
import { assessMedia } from './mediaHealth';
import { emit, update, type LiveCall, type PhoneCore } from './phoneCore';
import {
  applyTracks as enableTracks,
  playRemote as play,
  sampleMedia,
  webSdh,
} from './sessionMedia';

// A call's audio: the microphone asked for, the far end played, its quality watched.

/** The microphone the agent chose, for a new call's offer or answer. */
export function mediaOptions(core: PhoneCore): Web.SessionDescriptionHandlerOptions {
  return { constraints: { audio: micConstraints(core.devices.micId), video: false } };
}

export function sdhOf(call: LiveCall) {
  return webSdh(call.session);
}

/** Mute and hold as the call says, on its tracks. */
export function applyTracks(call: LiveCall): void {
  enableTracks(sdhOf(call), call.held, call.view.muted);
}

/** Plays the far end (early media included) on the chosen speaker. */
export function playRemote(core: PhoneCore, call: LiveCall): void {
  const sdh = sdhOf(call);
  if (!sdh) return;
  call.audio ??= new Audio();
  if (play(call.audio, sdh)) void routeAudio(core, call.audio, core.devices.speakerId);
}

export async function routeAudio(
  core: PhoneCore,
  audio: HTMLAudioElement,
  speakerId: string | null,
): Promise<void> {
  if (!('setSinkId' in audio)) return;
  try {
    await audio.setSinkId(speakerId ?? '');
  } catch {
    emit(core, { type: 'error', code: 'speaker_failed', callId: null });
  }
}

/** The agent's devices from now on; calls in progress move to the new speaker at once. */
export function setDevices(core: PhoneCore, devices: AudioDevicePrefs): void {
  core.devices = { ...devices };
  for (const call of core.calls.values()) {
    if (call.audio) void routeAudio(core, call.audio, devices.speakerId);
  }
}

/** One last look at the call's quality (before it is hung up), for its record. */
export async function sampleStats(core: PhoneCore, call: LiveCall): Promise<void> {
  const sample = await sampleMedia(sdhOf(call), call.held);
  if (sample && call.view.state !== 'ended') update(core, call, { quality: sample.quality });
}

/**
 * Reads the call's stats every second until it ends: its quality, and whether the far end's
 * audio still arrives (nothing on the signalling side tells when a media path dies). A chain
 * of timeouts, not an interval: a getStats slowed down by a busy machine never piles up.
 */
export function watchMedia(core: PhoneCore, call: LiveCall): void {
  const every = core.statsIntervalMs;
  const tick = async () => {
    const sample = await sampleMedia(sdhOf(call), call.held);
    if (call.view.state === 'ended') return;
    if (sample) {
      call.media = assessMedia(call.media, { at: core.now(), ...sample.media });
      const change: Partial<CallView> = {};
      if (call.media.lost !== call.view.mediaLost) change.mediaLost = call.media.lost;
      if (JSON.stringify(sample.quality) !== JSON.stringify(call.view.quality)) {
        change.quality = sample.quality;
      }
      if (Object.keys(change).length > 0) update(core, call, change);
    }
    call.statsTimer = setTimeout(() => void tick(), every);
  };
  call.statsTimer = setTimeout(() => void tick(), every);
}

/** Stops the call's stats and its sound. */
export function stopMedia(call: LiveCall): void {
  if (call.statsTimer !== undefined) clearTimeout(call.statsTimer);
  call.statsTimer = undefined;
  if (call.audio) {
    call.audio.pause();
    call.audio.srcObject = null;
  }
}
