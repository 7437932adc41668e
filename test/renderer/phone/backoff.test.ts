import { describe, expect, it } from 'vitest';
import { backoffDelay, RECONNECT_BACKOFF } from '../../../src/renderer/phone/backoff';

describe('backoffDelay', () => {
  it('doubles per attempt between half and all of the step', () => {
    expect(backoffDelay(1, () => 0)).toBe(250);
    expect(backoffDelay(1, () => 1)).toBe(500);
    expect(backoffDelay(2, () => 0)).toBe(500);
    expect(backoffDelay(3, () => 1)).toBe(2000);
    expect(backoffDelay(4, () => 0.5)).toBe(3000);
  });

  it('never exceeds the cap, however many attempts', () => {
    for (const attempt of [7, 10, 50, 1000]) {
      expect(backoffDelay(attempt, () => 1)).toBe(RECONNECT_BACKOFF.maxMs);
      expect(backoffDelay(attempt, () => 0)).toBe(RECONNECT_BACKOFF.maxMs / 2);
    }
  });

  it('spreads agents out: different random draws give different waits', () => {
    const waits = new Set([0.1, 0.3, 0.6, 0.9].map((r) => backoffDelay(5, () => r)));
    expect(waits.size).toBe(4);
  });

  it('comes back within 10 s of an outage of a few seconds (the first four waits)', () => {
    const worst = [1, 2, 3, 4].reduce((sum, n) => sum + backoffDelay(n, () => 1), 0);
    expect(worst).toBeLessThanOrEqual(7_500);
  });

  it('treats nonsense attempts as the first', () => {
    expect(backoffDelay(0, () => 1)).toBe(500);
    expect(backoffDelay(-3, () => 1)).toBe(500);
  });
});
