import cron from 'node-cron';

/** What the scheduler needs of time passing; tests drive a fake one with a fake clock. */
export interface SchedulerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Runs `fn` at the start of every minute; returns a function that stops it. */
  everyMinute(fn: () => void): () => void;
}

export const realTimers: SchedulerTimers = {
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, ms);
    // The timer alone must not keep a process alive (the host's server does that).
    handle.unref();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
  everyMinute(fn) {
    const task = cron.schedule('* * * * *', fn, { name: 'reminders-resync', noOverlap: true });
    task.unref();
    return () => void task.destroy();
  },
};
