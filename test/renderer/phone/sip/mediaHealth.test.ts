import { describe, expect, it } from 'vitest';
import {
  assessMedia,
  inboundAudio,
  NO_AUDIO_MS,
  receivesAudio,
  type MediaHealth,
  type MediaReading,
} from '../../../../src/renderer/phone/sip/mediaHealth';

const T0 = 1_800_000_000_000;

/** A healthy reading `s` seconds into the call with `packets` received so far. */
const reading = (s: number, packets: number | null, change: Partial<MediaReading> = {}) => ({
  at: T0 + s * 1000,
  packetsReceived: packets,
  bytesReceived: packets === null ? null : packets * 160,
  iceConnectionState: 'connected',
  connectionState: 'connected',
  expectingAudio: true,
  ...change,
});

/** Feeds readings one a second, as the phone does, and returns `lost` after each. */
function run(readings: MediaReading[]): boolean[] {
  let health: MediaHealth | null = null;
  return readings.map((r) => (health = assessMedia(health, r)).lost);
}

describe('assessMedia', () => {
  it('stays quiet while packets keep arriving', () => {
    expect(run([0, 1, 2, 3, 4, 5, 6].map((s) => reading(s, 50 * s + 10)))).toEqual(
      Array(7).fill(false),
    );
  });

  it(`warns once nothing new has arrived for ${NO_AUDIO_MS / 1000} s, and clears when audio comes back`, () => {
    const lost = run([
      reading(0, 10),
      reading(1, 60),
      reading(2, 60), // the relay died just after 1 s
      reading(3, 60),
      reading(4, 60),
      reading(5, 60), // 4 s without a packet
      reading(6, 60),
      reading(7, 110), // back
      reading(8, 160),
    ]);
    expect(lost).toEqual([false, false, false, false, false, true, true, false, false]);
  });

  it('notices audio that never starts, counting from the first reading', () => {
    expect(run([0, 1, 2, 3, 4].map((s) => reading(s, null)))).toEqual([
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(run([0, 1, 2, 3, 4].map((s) => reading(s, 0)))).toEqual([
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('bytes alone moving is audio too (a browser that counts only bytes)', () => {
    const bytesOnly = [0, 1, 2, 3, 4, 5].map((s) => ({
      ...reading(s, null),
      bytesReceived: 1000 * (s + 1),
    }));
    expect(run(bytesOnly)).toEqual(Array(6).fill(false));
  });

  it('a counter that drops (a new stream after a re-INVITE) is audio arriving', () => {
    const lost = run([
      reading(0, 500),
      reading(1, 500),
      reading(2, 500),
      reading(3, 20),
      reading(4, 20),
      reading(5, 20),
      reading(6, 20),
      reading(7, 20),
    ]);
    expect(lost).toEqual([false, false, false, false, false, false, false, true]);
  });

  it('on hold nothing is expected; after it the silence counts from zero again', () => {
    const held = (s: number) => reading(s, 100, { expectingAudio: false });
    const lost = run([
      reading(0, 50),
      reading(1, 100),
      held(2),
      held(3),
      held(4),
      held(5),
      held(6),
      held(7), // six silent seconds on hold: fine
      reading(8, 100), // resumed, the far end's audio not back yet
      reading(9, 100),
      reading(10, 100),
      reading(11, 100),
      reading(12, 100), // 4 s after the resume: dead
    ]);
    expect(lost).toEqual([...Array(12).fill(false), true]);
  });

  it('ICE disconnected or failed is a dead path at once, even with counters that moved', () => {
    expect(run([reading(0, 10), reading(1, 60, { iceConnectionState: 'disconnected' })])).toEqual([
      false,
      true,
    ]);
    expect(run([reading(0, 10), reading(1, 60, { connectionState: 'failed' })])).toEqual([
      false,
      true,
    ]);
    // …and also while on hold, when nothing else could tell.
    expect(run([reading(0, 10, { expectingAudio: false, iceConnectionState: 'failed' })])).toEqual([
      true,
    ]);
    // ICE recovering and audio flowing again clears it.
    expect(
      run([
        reading(0, 10),
        reading(1, 10, { iceConnectionState: 'disconnected' }),
        reading(2, 60, { iceConnectionState: 'connected' }),
      ]),
    ).toEqual([false, true, false]);
  });

  it('a shorter threshold can be given', () => {
    let health = assessMedia(null, reading(0, 10), 1000);
    health = assessMedia(health, reading(1, 10), 1000);
    expect(health.lost).toBe(true);
  });
});

describe('inboundAudio', () => {
  it('sums the audio inbound streams and ignores the rest', () => {
    expect(
      inboundAudio([
        {
          id: 'A',
          type: 'inbound-rtp',
          kind: 'audio',
          packetsReceived: 100,
          bytesReceived: 16_000,
        },
        { id: 'B', type: 'inbound-rtp', kind: 'audio', packetsReceived: 5, bytesReceived: 800 },
        { id: 'V', type: 'inbound-rtp', kind: 'video', packetsReceived: 999, bytesReceived: 1 },
        { id: 'O', type: 'outbound-rtp', kind: 'audio', packetsSent: 50 },
      ]),
    ).toEqual({ packetsReceived: 105, bytesReceived: 16_800 });
  });

  it('is null, not zero, when the browser reports no inbound stream', () => {
    expect(inboundAudio([{ id: 'T', type: 'transport' }])).toEqual({
      packetsReceived: null,
      bytesReceived: null,
    });
  });
});

describe('receivesAudio', () => {
  it('is true for sendrecv, recvonly and not yet negotiated; false when the far end may not send', () => {
    expect(receivesAudio(['sendrecv'])).toBe(true);
    expect(receivesAudio(['recvonly'])).toBe(true);
    expect(receivesAudio([null])).toBe(true);
    expect(receivesAudio([])).toBe(true);
    expect(receivesAudio(['sendonly'])).toBe(false); // we hold
    expect(receivesAudio(['inactive'])).toBe(false);
    expect(receivesAudio(['stopped', 'sendrecv'])).toBe(true);
  });
});
