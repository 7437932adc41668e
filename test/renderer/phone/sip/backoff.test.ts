import { describe, expect, it } from 'vitest';
import { backoffDelay, RECONNECT_BACKOFF } from '../../../../src/renderer/phone/sip/backoff';

describe('backoffDelay', () => {
  it('grows by half per attempt, between half and all of the step', () => {
    expect(backoffDelay(1, () => 0)).toBe(250);
    expect(backoffDelay(1, () => 1)).toBe(500);
    expect(backoffDelay(2, () => 0)).toBe(375);
    expect(backoffDelay(3, () => 1)).toBe(1125);
    expect(backoffDelay(4, () => 0.5)).toBe(1266);
  });

  it('never exceeds the cap, however many attempts', () => {
    for (const attempt of [12, 20, 50, 1000]) {
      expect(backoffDelay(attempt, () => 1)).toBe(RECONNECT_BACKOFF.maxMs);
      expect(backoffDelay(attempt, () => 0)).toBe(RECONNECT_BACKOFF.maxMs / 2);
    }
  });

  it('spreads agents out: different random draws give different waits', () => {
    const waits = new Set([0.1, 0.3, 0.6, 0.9].map((r) => backoffDelay(5, () => r)));
    expect(waits.size).toBe(4);
  });

  it('tries at least every 4 s through the first 10 s of an outage (a PBX restart)', () => {
    let at = 0;
    for (let n = 1; at < 10_000; n++) {
      const wait = backoffDelay(n, () => 1);
      expect(wait).toBeLessThanOrEqual(4_000);
      at += wait;
    }
  });

  it('treats nonsense attempts as the first', () => {
    expect(backoffDelay(0, () => 1)).toBe(500);
    expect(backoffDelay(-3, () => 1)).toBe(500);
  });
});
