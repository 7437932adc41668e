import { dirname } from 'node:path';
import type { EventName, EventPayload, Handlers } from '../../../shared/api';
import { applyPendingRestore } from '../backups/backups';
import { FULL_CHECK_EVERY_MS, takeCleanClose } from '../db/cleanClose';
import { openCheckedDatabase, type CheckedOpen } from '../db/integrity';
import type { Db } from '../db/open';
import { systemClock, type Clock } from '../infra/clock';
import { isDiskFullError } from '../infra/diskSpace';
import type { Notification } from '../infra/i18n/notifications';
import { consoleLog, type Log } from '../infra/log';
import type { Secrets } from '../infra/secrets';
import { ensurePrivateFile, makeDataDirPrivate, makePrivateDir } from '../infra/privateFiles';
import type { SchedulerTimers } from '../infra/timers';
import type { TeamSyncOptions } from '../team/teamSync';
import { createCoreSwitch, type CoreSwitch } from './coreSwitch';
import { createDegradedCore } from './degradedCore';
import { createDiskFullCore } from './diskFullCore';
import type { Dispatch } from './dispatch';
import { startLiveCore } from './liveCore';
import type { CoreSession } from './sessions';

export const APP_VERSION = '0.1.0';
export const SECRET_KEY_FILE = 'secret.key';

export interface CoreOptions {
  dbPath: string;
  clock?: Clock;
  log?: Log;
  /** How secrets are encrypted at rest; by default a 0600 key file beside the database. */
  secrets?: Secrets;
  /** Timers for the reminder scheduler (node-cron and setTimeout by default). */
  timers?: SchedulerTimers;
  /** Shows an OS notification (Electron's Notification in the app; a log line in the host). */
  notify?: (notification: Notification) => void;
  /** Where the log files are, for diagnostics (default: `logs` beside the database). */
  logDir?: string;
  /**
   * How often the checkpoint worker looks at the WAL (CHECKPOINT_INTERVAL_MS by default); 0:
   * only when `checkpoint()` asks, for a test that must know when it happens.
   */
  checkpointIntervalMs?: number;
  /** How the team sync reaches a server (tests: an in-process transport, no socket, a poll). */
  team?: Pick<TeamSyncOptions, 'transport' | 'openSocket' | 'pollMs'>;
}

export type CoreEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Core {
  handlers: Handlers;
  /**
   * Validating entry point with the install's own role (tools, tests). The transports open a
   * session per connection instead, so unlocking admin on one does not unlock the others.
   */
  dispatch: Dispatch;
  /** A connection of its own: role checks, PIN unlock and number masking per connection. */
  openSession(): CoreSession;
  onEvent(listener: CoreEventListener): () => void;
  close(): void;
  /** For tests and tools that need to look under the hood (never exposed to the renderer). */
  readonly db: Db;
  /** One look of the checkpoint worker at the WAL now, and what it asks for done (tests). */
  checkpoint(): Promise<void>;
}

/** Builds one core on one database file; no module-level state, so tests can make many. */
export function createCore(options: CoreOptions): Core {
  const log = options.log ?? consoleLog;
  let running: CoreSwitch | null = null;
  const hooks: StartHooks = {
    // A read met a damaged page: from now on, as after a failed start-up check.
    damaged: (problems) =>
      running?.replace(createDegradedCore(options, problems, APP_VERSION, 'run'), [
        'database.damaged',
        {},
      ]),
    // A start held back by a full disk is tried again once a probe finds room.
    room() {
      let next: ReturnType<typeof startCore>;
      try {
        next = startCore(options, hooks);
      } catch (err) {
        log.error('could not start once space came back', { error: String(err) });
        return;
      }
      if (next.waiting) {
        next.core.close();
        return;
      }
      log.info('space is back: the database is open', {});
      running?.replace(next.core, ['storage.changed', { diskFull: false, since: null }]);
    },
  };
  running = createCoreSwitch(startCore(options, hooks).core, log);
  return running.core;
}

interface StartHooks {
  damaged(problems: string[]): void;
  room(): void;
}

/**
 * Opens and checks the file, then starts the core that fits it: the full core, the degraded
 * one on a damaged file, or, when a full disk keeps the file from opening at all, one that
 * waits for room (`waiting`).
 */
function startCore(options: CoreOptions, hooks: StartHooks): { core: Core; waiting: boolean } {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? consoleLog;
  const dataDir = dirname(options.dbPath);
  makePrivateDir(dataDir);
  makeDataDirPrivate(dataDir, log);
  // A restore chosen in the last run is applied before anything opens the file; a file that
  // fails its integrity check starts the core in degraded mode (backups only).
  applyPendingRestore(options.dbPath, clock.now(), log);
  // Made owner-only before SQLite creates it: its -wal and -shm then copy that mode.
  ensurePrivateFile(options.dbPath);
  const lastChecked = takeCleanClose(options.dbPath);
  const trusted =
    lastChecked !== null &&
    lastChecked <= clock.now() &&
    clock.now() - lastChecked < FULL_CHECK_EVERY_MS;
  const quickCheck = !trusted;
  let opened: CheckedOpen;
  let exclusive = false;
  try {
    opened = openCheckedDatabase(options.dbPath, { quickCheck });
  } catch (err) {
    if (!isDiskFullError(err, dataDir)) throw err;
    // No room for the WAL index beside the file: one connection keeps it in memory instead, and
    // the core starts read-only (db/open.ts).
    log.warn('the disk is full: opening the database alone, read-only until space returns', {});
    try {
      opened = openCheckedDatabase(options.dbPath, { quickCheck, exclusive: true });
      exclusive = true;
    } catch (again) {
      // No room even for what opening must write (a first start's schema, an update's migrations).
      if (!isDiskFullError(again, dataDir)) throw again;
      return {
        core: createDiskFullCore(options, APP_VERSION, clock.now(), () => hooks.room()),
        waiting: true,
      };
    }
  }
  if (!opened.ok) {
    return { core: createDegradedCore(options, opened.problems, APP_VERSION), waiting: false };
  }
  const checkedAt = trusted ? lastChecked : clock.now();
  log.info(trusted ? 'integrity check skipped: closed cleanly since' : 'integrity check passed', {
    checkedAt: new Date(checkedAt).toISOString(),
  });
  return {
    core: startLiveCore(options, { db: opened.db, checkedAt, exclusive, damaged: hooks.damaged }),
    waiting: false,
  };
}
