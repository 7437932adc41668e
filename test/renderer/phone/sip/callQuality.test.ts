import { describe, expect, it } from 'vitest';
import { summariseStats, type StatsEntry } from '../../../../src/renderer/phone/sip/callQuality';

const report: StatsEntry[] = [
  { id: 'T1', type: 'transport', selectedCandidatePairId: 'CP1' },
  { id: 'CP1', type: 'candidate-pair', currentRoundTripTime: 0.0123, nominated: true },
  { id: 'CP2', type: 'candidate-pair', currentRoundTripTime: 0.9, nominated: false },
  { id: 'COT', type: 'codec', mimeType: 'audio/opus' },
  {
    id: 'IN',
    type: 'inbound-rtp',
    kind: 'audio',
    jitter: 0.0042,
    packetsLost: 5,
    packetsReceived: 995,
    codecId: 'COT',
  },
  { id: 'OUT', type: 'outbound-rtp', kind: 'audio', codecId: 'COT' },
];

describe('summariseStats', () => {
  it('reads RTT from the selected pair, jitter and loss from what we receive, and the codec, in whole ms', () => {
    expect(summariseStats(report)).toEqual({
      rttMs: 12,
      jitterMs: 4,
      packetLossPct: 0.5,
      codec: 'opus',
    });
  });

  it("falls back to RTCP's round-trip time when no candidate pair has one", () => {
    const rtcpOnly = [
      ...report.filter((e) => e.type !== 'candidate-pair' && e.type !== 'transport'),
      { id: 'RIN', type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.05 },
    ];
    expect(summariseStats(rtcpOnly).rttMs).toBe(50);
  });

  it('leaves what was not measured null instead of a misleading zero', () => {
    expect(summariseStats([])).toEqual({
      rttMs: null,
      jitterMs: null,
      packetLossPct: null,
      codec: null,
    });
    const noPackets = [
      { id: 'IN', type: 'inbound-rtp', kind: 'audio', packetsLost: 0, packetsReceived: 0 },
    ];
    expect(summariseStats(noPackets).packetLossPct).toBeNull();
  });

  it('ignores video and a negative packetsLost (duplicates can make it negative)', () => {
    const stats = [
      {
        id: 'V',
        type: 'inbound-rtp',
        kind: 'video',
        jitter: 1,
        packetsLost: 50,
        packetsReceived: 50,
      },
      {
        id: 'A',
        type: 'inbound-rtp',
        kind: 'audio',
        jitter: 0.001,
        packetsLost: -2,
        packetsReceived: 100,
      },
    ];
    expect(summariseStats(stats)).toMatchObject({ jitterMs: 1, packetLossPct: 0 });
  });
});
