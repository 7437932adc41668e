import { Web, type Session, type UserAgent } from 'sip.js';
import type { CallQuality } from '../../../shared/softphone';
import { summariseStats, type StatsEntry } from './callQuality';
import { inboundAudio, receivesAudio, type MediaReading } from './mediaHealth';

/** What one session does with its media and in-dialog requests; the Phone decides when. */

export type WebSdh = InstanceType<typeof Web.SessionDescriptionHandler>;

export const DTMF_DURATION_MS = 160;
export const DTMF_GAP_MS = 70;
/** After the first UDP host candidate, how long the other interfaces get to report theirs. */
const HOST_CANDIDATE_GRACE_MS = 20;

/** The session's WebRTC handler, once it has one. */
export function webSdh(session: Session): WebSdh | undefined {
  const sdh = session.sessionDescriptionHandler;
  return sdh instanceof Web.SessionDescriptionHandler ? sdh : undefined;
}

/** Mute and hold both silence the microphone; hold also silences the far end. */
export function applyTracks(sdh: WebSdh | undefined, held: boolean, muted: boolean): void {
  if (!sdh) return;
  sdh.enableSenderTracks(!held && !muted);
  sdh.enableReceiverTracks(!held);
}

/**
 * Without STUN/TURN servers the only candidates are host ones, and the UDP ones arrive within
 * milliseconds; Chromium then spends another ~120 ms on TCP host candidates, which no PBX
 * media path uses. So once a UDP host candidate is in (and a short grace for the other
 * interfaces' ones), the offer or answer goes out: that wait is most of a call's set-up time.
 * Only for accounts without ICE servers: with servers, their gathering timeout applies.
 */
export function hurryIceGathering(sdh: WebSdh): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  sdh.peerConnectionDelegate = {
    onicecandidate: (event) => {
      const candidate = event.candidate;
      if (timer !== undefined || candidate?.type !== 'host' || candidate.protocol !== 'udp') return;
      timer = setTimeout(() => sdh.iceGatheringComplete(), HOST_CANDIDATE_GRACE_MS);
    },
  };
}

/**
 * Plays the far end (early media included) through `audio`. Tracks arrive after the answer is
 * applied; calling this again then (play() once more) picks them up. Returns whether the
 * element got a new stream, so the caller can route it to the chosen speaker.
 */
export function playRemote(audio: HTMLAudioElement, sdh: WebSdh): boolean {
  audio.autoplay = true;
  const fresh = audio.srcObject !== sdh.remoteMediaStream;
  if (fresh) audio.srcObject = sdh.remoteMediaStream;
  void audio.play().catch(() => undefined);
  return fresh;
}

/** One getStats of a call: its quality for the record, and what the media watchdog reads. */
export interface MediaSample {
  quality: CallQuality;
  media: Omit<MediaReading, 'at'>;
}

/** The call's media now, or null if the connection is gone. `held`: we put the call on hold. */
export async function sampleMedia(
  sdh: WebSdh | undefined,
  held: boolean,
): Promise<MediaSample | null> {
  const pc = sdh?.peerConnection;
  if (!pc || pc.connectionState === 'closed') return null;
  try {
    const report = await pc.getStats();
    const entries: StatsEntry[] = [];
    report.forEach((entry: StatsEntry) => entries.push(entry));
    const directions = pc
      .getTransceivers()
      .filter((t) => t.receiver.track.kind === 'audio')
      .map((t) => t.currentDirection);
    return {
      quality: summariseStats(entries),
      media: {
        ...inboundAudio(entries),
        iceConnectionState: pc.iceConnectionState,
        connectionState: pc.connectionState,
        expectingAudio: !held && receivesAudio(directions),
      },
    };
  } catch {
    return null; // a peer connection closing under us
  }
}

/** DTMF as SIP INFO (application/dtmf-relay), one request per key, in order. */
export async function sendInfoDtmf(session: Session, tones: string): Promise<boolean> {
  try {
    for (const tone of tones) {
      await session.info({
        requestOptions: {
          body: {
            contentDisposition: 'render',
            contentType: 'application/dtmf-relay',
            content: `Signal=${tone}\r\nDuration=${DTMF_DURATION_MS}`,
          },
        },
      });
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends a REFER in the session's dialog with our own Refer-To (sip.js's own `refer()` would put
 * the target's Contact there; transfer.ts says why not). Resolves with whether the far end
 * accepted it (202).
 */
export function sendRefer(session: Session, ua: UserAgent, referTo: string): Promise<boolean> {
  const dialog = session.dialog;
  if (!dialog) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    dialog.refer(
      { onAccept: () => resolve(true), onReject: () => resolve(false) },
      {
        extraHeaders: [
          `Refer-To: ${referTo}`,
          `Referred-By: <${ua.configuration.uri.toString()}>`,
          `Contact: ${ua.contact.toString()}`,
        ],
      },
    );
  });
}
