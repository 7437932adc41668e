import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Log } from '../log';
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
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const step = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (err) { parentPort.postMessage(String(err)); }
};
const timer = setInterval(step, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

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
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver, path: db.name, intervalMs: CHECKPOINT_INTERVAL_MS },
  });
  // A checkpointer must never keep the process alive on its own.
  worker.unref();
  worker.on('message', (error: string) => log.warn('checkpoint failed', { error }));
  worker.on('error', (err) => {
    log.error('checkpoint worker failed; back to automatic checkpoints', { error: String(err) });
    restoreAutomatic();
  });
  const exited = new Promise<void>((resolve) =>
    worker.on('exit', () => {
      if (!stopping) restoreAutomatic();
      resolve();
    }),
  );
  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      worker.postMessage('stop');
      // A worker stuck in a checkpoint is not waited for: closing the main connection
      // checkpoints whatever is left.
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000).unref())]);
      await worker.terminate();
    },
  };
}
