import type { CallQuality } from '../../../shared/softphone';

/** One entry of an RTCStatsReport, loosely typed: browsers add fields, tests build them by hand. */
export interface StatsEntry {
  id: string;
  type: string;
  [field: string]: unknown;
}

const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

// Whole milliseconds: finer is noise for a phone call, and the call record stores integers.
const ms = (seconds: number | null) => (seconds === null ? null : Math.round(seconds * 1000));

/**
 * Summarises a peer connection's stats for the call record: round-trip time (the selected
 * candidate pair's, else RTCP's), the jitter and loss of what we receive, and the audio codec.
 * Values the browser has not measured yet stay null rather than a misleading 0.
 */
export function summariseStats(entries: Iterable<StatsEntry>): CallQuality {
  const all = [...entries];
  const byId = new Map(all.map((e) => [e.id, e]));
  const inbound = all.find((e) => e.type === 'inbound-rtp' && e.kind === 'audio');
  const outbound = all.find((e) => e.type === 'outbound-rtp' && e.kind === 'audio');
  const transport = all.find((e) => e.type === 'transport');
  const pair =
    byId.get(String(transport?.selectedCandidatePairId ?? '')) ??
    all.find((e) => e.type === 'candidate-pair' && e.nominated === true && e.state === 'succeeded');
  const remoteInbound = all.find((e) => e.type === 'remote-inbound-rtp' && e.kind === 'audio');

  const rtt = num(pair?.currentRoundTripTime) ?? num(remoteInbound?.roundTripTime);
  const lost = num(inbound?.packetsLost);
  const received = num(inbound?.packetsReceived);
  const packetLossPct =
    lost === null || received === null || lost + received <= 0
      ? null
      : Math.round((Math.max(0, lost) / (Math.max(0, lost) + received)) * 10_000) / 100;
  const codecEntry = byId.get(String(inbound?.codecId ?? outbound?.codecId ?? ''));
  const mime = typeof codecEntry?.mimeType === 'string' ? codecEntry.mimeType : null;
  return {
    rttMs: ms(rtt),
    jitterMs: ms(num(inbound?.jitter)),
    packetLossPct,
    codec: mime ? mime.replace(/^audio\//i, '').toLowerCase() : null,
  };
}
