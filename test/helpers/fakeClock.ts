import type { Clock } from '../../src/main/core/infra/clock';

export interface FakeClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

/** 2026-11-23 09:00 in Hồ Chí Minh City (02:00 UTC). */
export const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);

export function fakeClock(start = T0): FakeClock {
  let now = start;
  return {
    now: () => now,
    set: (ms) => void (now = ms),
    advance: (ms) => void (now += ms),
  };
}
