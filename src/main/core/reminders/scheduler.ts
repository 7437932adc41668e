import { timerDelay, type ReminderView } from '../../../shared/reminders';
import type { Clock } from '../infra/clock';
import { nextUnfiredDueAt, takeDueReminders } from './db/reminders';
import type { Db } from '../db/open';
import type { Log } from '../infra/log';
import type { SchedulerTimers } from '../infra/timers';

export interface Scheduler {
  /** Reminders that fell due while the app was closed (fired once, here, at start). */
  readonly missedAtStart: ReminderView[];
  /** Fires what is due and re-arms the one timer (after an import, at each minute). */
  sync(): void;
  /**
   * Call after a write that only adds future reminders or closes some (a save, a snooze, a
   * call): re-arms the timer for the soonest one and leaves firing to it, so the write's caller
   * does not wait for reminders that came due meanwhile.
   */
  rearm(): void;
  stop(): void;
}

/**
 * One timer for the soonest reminder, re-armed after every write, plus a job every minute that
 * re-syncs (clock changes, sleep and resume, a drifting timer). Due reminders are marked fired
 * in the same transaction that reads them, so none fires twice and none is lost on a crash.
 */
export function startScheduler(args: {
  db: Db;
  clock: Clock;
  timers: SchedulerTimers;
  log: Log;
  onDue(reminders: ReminderView[]): void;
  /**
   * Told of a failure to read or mark reminders; true when the core knows what it means (a
   * full disk: reminders fire once they can be marked fired; a damaged file). Any other
   * failure is thrown as before.
   */
  onFailure?: (err: unknown) => boolean;
}): Scheduler {
  const { db, clock, timers, log } = args;
  let handle: unknown;
  let stopped = false;
  // Due reminders could not be marked fired (a full disk): the minute job tries again, not a
  // timer re-armed at once for the same overdue reminder, again and again.
  let held = false;

  /** Runs `fn`; a failure the core knows (onFailure) gives null instead. */
  const guarded = <T>(fn: () => T): T | null => {
    try {
      return fn();
    } catch (err) {
      if (args.onFailure?.(err)) return null;
      throw err;
    }
  };
  const take = (missed: boolean): ReminderView[] => {
    const due = guarded(() => takeDueReminders(db, clock.now(), missed));
    held = due === null;
    return due ?? [];
  };

  const missedAtStart = take(true);

  function fire() {
    const due = take(false);
    if (due.length > 0) {
      try {
        args.onDue(due);
      } catch (err) {
        log.error('reminder delivery failed', { error: String(err) });
      }
    }
  }

  function arm() {
    if (handle !== undefined) timers.clearTimeout(handle);
    handle = undefined;
    if (stopped || held) return;
    const next = guarded(() => nextUnfiredDueAt(db));
    if (next === null) return;
    handle = timers.setTimeout(
      () => {
        handle = undefined;
        sync();
      },
      timerDelay(next, clock.now()),
    );
  }

  function sync() {
    if (stopped) return;
    fire();
    arm();
  }

  const stopCron = timers.everyMinute(sync);
  arm();

  return {
    missedAtStart,
    sync,
    rearm: arm,
    stop() {
      stopped = true;
      stopCron();
      if (handle !== undefined) timers.clearTimeout(handle);
    },
  };
}
