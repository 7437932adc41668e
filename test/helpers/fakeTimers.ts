import type { SchedulerTimers } from '../../src/main/core/infra/timers';
import type { FakeClock } from './fakeClock';

export interface FakeTimers extends SchedulerTimers {
  /** Moves the clock forward, running timers and minute jobs in time order as it goes. */
  advance(ms: number): void;
  pendingTimers(): number;
}

/** Timers that follow a fake clock, so scheduler tests run in no real time. */
export function fakeTimers(clock: FakeClock): FakeTimers {
  let seq = 0;
  const timeouts = new Map<number, { at: number; fn: () => void }>();
  const minuteJobs = new Set<() => void>();
  const MINUTE = 60_000;

  return {
    setTimeout(fn, ms) {
      const id = ++seq;
      timeouts.set(id, { at: clock.now() + ms, fn });
      return id;
    },
    clearTimeout(handle) {
      timeouts.delete(handle as number);
    },
    everyMinute(fn) {
      minuteJobs.add(fn);
      return () => minuteJobs.delete(fn);
    },
    pendingTimers: () => timeouts.size,
    advance(ms) {
      const end = clock.now() + ms;
      for (;;) {
        const nextTimer = [...timeouts.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        const nextMinute = (Math.floor(clock.now() / MINUTE) + 1) * MINUTE;
        const at = Math.min(nextTimer ? nextTimer[1].at : Infinity, nextMinute);
        if (at > end) break;
        clock.set(Math.max(clock.now(), at));
        if (nextTimer && nextTimer[1].at <= clock.now()) {
          timeouts.delete(nextTimer[0]);
          nextTimer[1].fn();
        } else {
          for (const job of minuteJobs) job();
        }
      }
      clock.set(end);
    },
  };
}
