import type { StatsEntry } from './callQuality';

/**
 * Whether the far end's audio still arrives. A dead media path (a media relay gone, a network
 * that drops UDP) says nothing on the signalling side, and RTP that stops loses no packet by
 * sequence number, so "loss 0 %" goes on while the agent talks to nobody. Only the inbound
 * counters standing still, or ICE giving up, show it.
 */

/** Silence this long, while audio is expected, means the media path is dead. */
export const NO_AUDIO_MS = 4_000;

/** One look at a call's media, taken about once a second. */
export interface MediaReading {
  /** When it was taken (epoch ms). */
  at: number;
  /** What has arrived of the far end's audio so far (null: the browser reports no stream). */
  packetsReceived: number | null;
  bytesReceived: number | null;
  iceConnectionState: string;
  connectionState: string;
  /** Audio should be arriving: not on hold, ours or theirs (nobody sends to a held call). */
  expectingAudio: boolean;
}

export interface MediaHealth {
  /** The agent is told that no audio arrives. */
  lost: boolean;
  /** Since when nothing new has arrived, or since when audio is expected. */
  silentSince: number;
  packetsReceived: number | null;
  bytesReceived: number | null;
  expectingAudio: boolean;
}

/** ICE states in which nothing reaches us, whatever the counters say. */
const DOWN = new Set(['disconnected', 'failed']);

/**
 * The media's health after `reading`, given the one before (null for the first reading of a
 * call: its silence is counted from then, so audio that never starts is noticed too).
 */
export function assessMedia(
  previous: MediaHealth | null,
  reading: MediaReading,
  noAudioMs = NO_AUDIO_MS,
): MediaHealth {
  const arrived =
    previous !== null &&
    (moved(previous.packetsReceived, reading.packetsReceived) ||
      moved(previous.bytesReceived, reading.bytesReceived));
  // Silence counts only while audio is expected: after a hold it starts again from zero.
  const fresh = previous === null || !previous.expectingAudio || !reading.expectingAudio;
  const silentSince = fresh || arrived ? reading.at : previous.silentSince;
  const iceDown = DOWN.has(reading.iceConnectionState) || DOWN.has(reading.connectionState);
  return {
    lost: iceDown || (reading.expectingAudio && reading.at - silentSince >= noAudioMs),
    silentSince,
    packetsReceived: reading.packetsReceived,
    bytesReceived: reading.bytesReceived,
    expectingAudio: reading.expectingAudio,
  };
}

/** A counter that changed means something arrived (a lower one: a new stream after a re-INVITE). */
function moved(before: number | null, now: number | null): boolean {
  return now !== null && now > 0 && now !== before;
}

/** The far end's audio counters, summed over its streams (a re-INVITE may add one). */
export function inboundAudio(entries: Iterable<StatsEntry>): {
  packetsReceived: number | null;
  bytesReceived: number | null;
} {
  let packets: number | null = null;
  let bytes: number | null = null;
  for (const e of entries) {
    if (e.type !== 'inbound-rtp' || e.kind !== 'audio') continue;
    if (typeof e.packetsReceived === 'number') packets = (packets ?? 0) + e.packetsReceived;
    if (typeof e.bytesReceived === 'number') bytes = (bytes ?? 0) + e.bytesReceived;
  }
  return { packetsReceived: packets, bytesReceived: bytes };
}

/**
 * Whether the negotiated directions let the far end send us audio. Not negotiated yet (null):
 * assume so, the answer is on its way.
 */
export function receivesAudio(directions: readonly (string | null)[]): boolean {
  if (directions.length === 0) return true;
  return directions.some((d) => d === null || d === 'sendrecv' || d === 'recvonly');
}
