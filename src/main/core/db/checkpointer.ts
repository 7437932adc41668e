import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Log } from '../infra/log';
import type { Db } from './open';

/** How often the worker moves committed pages from the WAL into the database file. */
export const CHECKPOINT_INTERVAL_MS = 250;
/** After a checkpoint the WAL file is cut back to this size (it is reused from the start). */
const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;

/*
 * The worker's whole program. It opens its own connection to the same file and runs PASSIVE
 * checkpoints, which never block the main connection's readers or writers. It is a string (not a
 * file) so it works the same from the sources (tests, tsx) and from the bundle.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const flags = new Int32Array(workerData.flags);
const closed = () => { Atomics.store(flags, 1, 1); Atomics.notify(flags, 1); };
let db;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.path, { fileMustExist: true });
  db.pragma('busy_timeout = 1000');
} catch (err) {
  closed();
  throw err;
}
// Idle is the common case: look at the WAL's modification time (one stat) and checkpoint only
// when something was written since the last look.
const { statSync } = require('node:fs');
let seen = -1;
const timer = setInterval(() => {
  let written;
  try { written = statSync(workerData.path + '-wal').mtimeMs; } catch { return; }
  if (written === seen) return;
  seen = written;
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (err) { console.error(String(err)); }
}, workerData.intervalMs);
// Already asked to stop (a core closed before this thread was up): close at once.
const asked = Atomics.waitAsync(flags, 0, 0);
(asked.async ? asked.value : Promise.resolve()).then(() => {
  clearInterval(timer);
  db.close();
  closed();
});
`;

export interface Checkpointer {
  /**
   * Returns once the worker's connection is closed (a checkpoint under way finishes first), so
   * the file can be reopened or replaced right after: a connection closing later would
   * checkpoint its WAL into whatever file then has the name.
   */
  stop(): void;
}

/** How long closing waits for a checkpoint under way before giving up on the worker. */
const STOP_WAIT_MS = 5000;

/**
 * Takes WAL checkpoints off the main thread. SQLite's automatic checkpoint runs inside the
 * commit that crosses 1,000 WAL pages, so one save in a few dozen paid for copying the pages
 * and two fsyncs (~10 ms on this hardware) — the whole p99 of `dispositions.save`. Here the
 * main connection never checkpoints while the worker lives; if the worker fails, automatic
 * checkpoints come back so the WAL cannot grow without bound.
 */
export function startCheckpointer(
  db: Db,
  log: Log,
  // The module the worker loads; a test passes a broken one to see the fallback.
  driver = createRequire(import.meta.url).resolve('better-sqlite3'),
): Checkpointer {
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  db.pragma('wal_autocheckpoint = 0');
  const restoreAutomatic = () => {
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  };
  let stopping = false;
  // [0]: main asks the worker to stop; [1]: the worker's connection is closed.
  const flags = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver, path: db.name, intervalMs: CHECKPOINT_INTERVAL_MS, flags: flags.buffer },
    stderr: true,
  });
  // A checkpointer must never keep the process alive on its own.
  worker.unref();
  worker.stderr.on('data', (chunk: Buffer) =>
    log.warn('checkpoint failed', { error: chunk.toString().trim() }),
  );
  worker.on('error', (err) => {
    log.error('checkpoint worker failed; back to automatic checkpoints', { error: String(err) });
    restoreAutomatic();
  });
  worker.on('exit', () => {
    if (!stopping) restoreAutomatic();
  });
  return {
    stop() {
      if (stopping) return;
      stopping = true;
      Atomics.store(flags, 0, 1);
      Atomics.notify(flags, 0);
      if (Atomics.wait(flags, 1, 0, STOP_WAIT_MS) === 'timed-out') {
        log.warn('checkpoint worker did not stop in time');
      }
      void worker.terminate();
    },
  };
}
