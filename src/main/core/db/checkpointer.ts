import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Log } from '../infra/log';
import type { Db } from './open';

/** How often the worker moves committed pages from the WAL into the database file. */
export const CHECKPOINT_INTERVAL_MS = 250;
/**
 * After SQLite starts the WAL over by itself, the first commit cuts the file back to this size
 * (`journal_size_limit`); it is then reused from its beginning.
 */
const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;
/**
 * A WAL this large while writes go on is emptied by the main connection. SQLite starts a WAL
 * over only when a writer finds it wholly copied into the database, which back-to-back commits
 * never allow: under sustained writes it grew by every frame, 2.45 GB in 20 s.
 */
export const WAL_RESET_BYTES = 12 * 1024 * 1024;
/** While the WAL keeps changing, the worker looks this often (a stat) to catch the threshold. */
const WRITING_LOOK_MS = 20;
/** While writes go on, a checkpoint at least every this many bytes of WAL. */
const CHECKPOINT_STEP_BYTES = 2 * 1024 * 1024;
/** A checkpoint that copied no more frames (1 MiB) than this took a few milliseconds. */
const FEW_FRAMES = 256;
/** Checkpoints in a row before the main connection copies the rest itself… */
const MAX_CONVERGE_ROUNDS = 8;
/** …or once the WAL has grown this large meanwhile. */
const CONVERGE_CAP_BYTES = 24 * 1024 * 1024;

/*
 * The worker's whole program. It opens its own connection to the same file and runs PASSIVE
 * checkpoints, which never block the main connection's readers or writers. It never empties the
 * WAL itself: that takes the write lock, and a main-connection transaction that has read and
 * then writes gets SQLITE_BUSY at once, whatever its busy timeout (SQLite cannot wait there
 * without risking a deadlock). It asks the main connection instead ({ reset }), which owns
 * every write and so never collides with itself. It is a string (not a file) so it works
 * the same from the sources (tests, tsx) and from the bundle.
 */
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
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
const { statSync } = require('node:fs');
const passive = () => {
  try {
    return db.pragma('wal_checkpoint(PASSIVE)')[0];
  } catch (err) {
    console.error(String(err));
    return null;
  }
};
const copiedAll = (r) => r !== null && r.busy === 0 && r.log === r.checkpointed;
const walSize = () => {
  try { return statSync(workerData.path + '-wal').size; } catch { return 0; }
};
// Past the threshold, checkpoints follow each other until one had little to copy: what is
// committed meanwhile is then little too, and that is all the main connection's reset copies.
// Writes faster than the disk: it stops at the cap and the main connection copies the rest.
const converge = () => {
  let r = passive();
  for (let i = 0; r !== null && i < workerData.maxRounds; i++) {
    if (walSize() > workerData.capBytes) return;
    const before = r.checkpointed;
    r = passive();
    if (r === null || r.log - before <= workerData.fewFrames) return;
  }
};
// Idle is the common case: look at the WAL's size and modification time (one stat) and
// checkpoint only when something was written since the last look. While writes go on, looks
// come every few milliseconds (a stat each) and checkpoints at the usual pace.
let seen = '';
let passiveAt = 0;
let passiveSize = 0;
let changedAt = 0;
let pausedAt = 0;

const look = (asked) => {
  let st;
  try { st = statSync(workerData.path + '-wal'); } catch { return 'idle'; }
  const now = st.size + ':' + st.mtimeMs;
  if (now !== seen) {
    seen = now;
    changedAt = Date.now();
    // Writes going on and the file past the threshold: empty it now.
    if (st.size > workerData.resetBytes) {
      converge();
      passiveAt = Date.now();
      passiveSize = 0;
      return 'full';
    }
    // A checkpoint per interval, or per few MiB written, so there is never much left to copy.
    if (st.size < passiveSize) passiveSize = 0;
    if (
      asked ||
      Date.now() - passiveAt >= workerData.intervalMs ||
      st.size - passiveSize >= workerData.stepBytes
    ) {
      passive();
      passiveAt = Date.now();
      passiveSize = st.size;
    }
    return 'writing';
  }
  // Nothing written for a while (since the last look, for a round): writes have paused. Once
  // everything is copied, emptying the file costs the main connection no copying and no fsync.
  // A reset that could not be done (a reader, a checkpoint elsewhere) is asked for again one
  // interval later, not at every look.
  if (!asked && Date.now() - changedAt < workerData.intervalMs) return 'writing';
  if (!asked && Date.now() - pausedAt < workerData.intervalMs) return 'idle';
  if (st.size === 0 || !copiedAll(passive())) return 'idle';
  pausedAt = Date.now();
  return 'paused';
};
let timer;
// One reset asked for at a time: main answers once it has tried (it may be busy for a while).
let resetAsked = false;
const tick = () => {
  const state = resetAsked ? 'writing' : look(false);
  if (state === 'full' || state === 'paused') {
    resetAsked = true;
    parentPort.postMessage({ reset: state });
  }
  timer = setTimeout(tick, state === 'idle' ? workerData.intervalMs : workerData.writingMs);
};
if (workerData.intervalMs > 0) timer = setTimeout(tick, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m.resetTried) resetAsked = false;
  // A round asked for by main (tests, tools): one look now, always answered.
  else {
    const state = look(true);
    parentPort.postMessage({ id: m.id, reset: state === 'full' || state === 'paused' ? state : null });
  }
});
// Already asked to stop (a core closed before this thread was up): close at once.
const asked = Atomics.waitAsync(flags, 0, 0);
(asked.async ? asked.value : Promise.resolve()).then(() => {
  clearTimeout(timer);
  parentPort.removeAllListeners('message');
  db.close();
  closed();
});
`;

export interface Checkpointer {
  /**
   * One look by the worker now, and the reset it asks for done, as its timer would; resolves
   * when both are over. For tests and tools that need the WAL's state at a known point.
   */
  round(): Promise<void>;
  /**
   * Returns once the worker's connection is closed (a checkpoint under way finishes first), so
   * the file can be reopened or replaced right after: a connection closing later would
   * checkpoint its WAL into whatever file then has the name.
   */
  stop(): void;
}

export interface CheckpointerOptions {
  /** The module the worker loads; a test passes a broken one to see the fallback. */
  driver?: string;
  /** 0: no timer, only `round()` (a test that must decide when the worker looks). */
  intervalMs?: number;
}

/** How long closing waits for a checkpoint under way before giving up on the worker. */
const STOP_WAIT_MS = 5000;

/**
 * Empties the WAL from the main connection: copies what the worker has not yet copied, then
 * truncates the file to nothing. Never waits: a busy timeout of 0 for the call, so a checkpoint
 * of the worker's or an import's under way makes it give up until the next request (the
 * pragma then reports busy instead of blocking every request behind it).
 */
export function resetWal(db: Db): boolean {
  if (!db.open || db.inTransaction) return false;
  let timeout: number;
  try {
    timeout = db.pragma('busy_timeout', { simple: true }) as number;
  } catch {
    return false; // a statement of this connection is still being iterated
  }
  try {
    db.pragma('busy_timeout = 0');
    const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return r?.busy === 0;
  } catch {
    return false;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

/** Changes whenever another connection commits (not for this one's commits, nor checkpoints). */
function dataVersion(db: Db): number {
  try {
    return db.pragma('data_version', { simple: true }) as number;
  } catch {
    return -1;
  }
}

/**
 * Takes WAL checkpoints off the main thread. SQLite's automatic checkpoint runs inside the
 * commit that crosses 1,000 WAL pages, so one save in a few dozen paid for copying the pages
 * and two fsyncs (~10 ms on this hardware) — the whole p99 of `dispositions.save`. Here the
 * main connection never checkpoints while the worker lives, except to empty the WAL when the
 * worker asks (writes paused, or the file past WAL_RESET_BYTES); if the worker fails,
 * automatic checkpoints come back so the WAL cannot grow without bound.
 */
export function startCheckpointer(
  db: Db,
  log: Log,
  options: CheckpointerOptions = {},
): Checkpointer {
  const driver = options.driver ?? createRequire(import.meta.url).resolve('better-sqlite3');
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
    workerData: {
      driver,
      path: db.name,
      intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS,
      writingMs: WRITING_LOOK_MS,
      resetBytes: WAL_RESET_BYTES,
      stepBytes: CHECKPOINT_STEP_BYTES,
      capBytes: CONVERGE_CAP_BYTES,
      fewFrames: FEW_FRAMES,
      maxRounds: MAX_CONVERGE_ROUNDS,
      flags: flags.buffer,
    },
    stderr: true,
  });
  // A checkpointer must never keep the process alive on its own.
  worker.unref();
  worker.stderr.on('data', (chunk: Buffer) =>
    log.warn('checkpoint failed', { error: chunk.toString().trim() }),
  );
  const rounds = new Map<number, () => void>();
  let nextRound = 1;
  const endRounds = () => {
    for (const done of rounds.values()) done();
    rounds.clear();
  };
  // Commits of other connections since the last reset asked for (an import's worker).
  let othersWrote = dataVersion(db);
  worker.on('message', (m: { id?: number; reset: 'full' | 'paused' | null }) => {
    // Between two requests: this connection has no transaction open here.
    if (m.reset && !stopping) {
      const version = dataVersion(db);
      // Another connection committed since the last ask: an import writing in its own thread,
      // which empties the WAL between its batches itself. Its last batch may not be copied yet
      // (writes have not paused for it), and copying it here would block this thread.
      const importing = version !== othersWrote;
      othersWrote = version;
      if (!importing) resetWal(db);
      if (m.id === undefined) worker.postMessage({ resetTried: true });
    }
    if (m.id !== undefined) {
      rounds.get(m.id)?.();
      rounds.delete(m.id);
    }
  });
  worker.on('error', (err) => {
    log.error('checkpoint worker failed; back to automatic checkpoints', { error: String(err) });
    restoreAutomatic();
    endRounds();
  });
  worker.on('exit', () => {
    if (!stopping) restoreAutomatic();
    endRounds();
  });
  return {
    round() {
      if (stopping) return Promise.resolve();
      const id = nextRound++;
      return new Promise<void>((resolve) => {
        rounds.set(id, resolve);
        worker.postMessage({ id });
      });
    },
    stop() {
      if (stopping) return;
      stopping = true;
      Atomics.store(flags, 0, 1);
      Atomics.notify(flags, 0);
      if (Atomics.wait(flags, 1, 0, STOP_WAIT_MS) === 'timed-out') {
        log.warn('checkpoint worker did not stop in time');
      }
      void worker.terminate();
      endRounds();
    },
  };
}
