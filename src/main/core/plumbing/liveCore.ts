import { dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { createAccess } from '../access/accessControl';
import { corrupt, createBackups, scheduleDailyBackups } from '../backups/backups';
import { startCheckpointer, type Checkpointer } from '../db/checkpointer';
import { recordCleanClose } from '../db/cleanClose';
import { isCorruptionError } from '../db/integrity';
import { shareDatabase, type Db } from '../db/open';
import { systemClock } from '../infra/clock';
import { createDiskWatch, diskFullError, isDiskFullError } from '../infra/diskSpace';
import { LOG_DIR } from '../infra/fileLog';
import {
  missedNotification,
  reminderNotification,
  type Notification,
} from '../infra/i18n/notifications';
import { consoleLog } from '../infra/log';
import { keyFileSecrets } from '../infra/secrets';
import { realTimers } from '../infra/timers';
import { startScheduler } from '../reminders/scheduler';
import { readSettings } from '../settings/db/settings';
import {
  APP_VERSION,
  SECRET_KEY_FILE,
  type Core,
  type CoreEventListener,
  type CoreOptions,
} from './core';
import { pruneIdempotencyKeys } from './db/idempotency';
import { createDegradedCore } from './degradedCore';
import { createHandlerTable } from './handlerTable';
import { createTeamSync } from '../team/teamSync';
import { writeInstallRole } from '../access/db/access';
import { IDEMPOTENCY_KEY_DAYS } from './idempotency';
import { createSessions } from './sessions';

/** The core on a sound, open database. */
export function startLiveCore(
  options: CoreOptions,
  start: {
    db: Db;
    checkedAt: number;
    /** Opened alone on a full disk (db/open.ts): read-only until room is back. */
    exclusive: boolean;
    damaged(problems: string[]): void;
  },
): Core {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? consoleLog;
  const dataDir = dirname(options.dbPath);
  const { db, checkedAt } = start;
  let exclusive = start.exclusive;
  const listeners = new Set<CoreEventListener>();

  const emit: CoreEventListener = (event, payload) => {
    for (const l of listeners) {
      try {
        l(event, payload);
      } catch (err) {
        log.warn('event listener failed', { event, error: String(err) });
      }
    }
  };

  // A call that failed unexpectedly may have met a damaged page: then the next start checks the
  // whole file even after a clean close.
  let failedUnexpectedly = false;
  // Set at the first damaged page: the core stops writing and gives way to the degraded one.
  let damage: string[] | null = null;
  let starting = true;
  const stopWriting = new AbortController();
  const noticeDamage = (err: unknown) => {
    failedUnexpectedly = true;
    if (damage) return;
    damage = [err instanceof Error ? err.message : String(err)];
    log.error('a read met a damaged page: switching to degraded mode', { problems: damage });
    stopWriting.abort();
    // During the start the caller is still building this core: it hands over once built.
    if (!starting) start.damaged(damage);
  };

  const checkpointOptions =
    options.checkpointIntervalMs === undefined ? {} : { intervalMs: options.checkpointIntervalMs };
  let checkpointer: Checkpointer | null = exclusive
    ? null
    : startCheckpointer(db, log, checkpointOptions);
  const disk = createDiskWatch({
    dir: dataDir,
    clock,
    log,
    onChange: (status) => emit('storage.changed', status),
    resume() {
      if (!exclusive) return;
      // Room again: back to a shared WAL index, so the checkpointer and imports can connect.
      shareDatabase(db);
      exclusive = false;
      checkpointer = startCheckpointer(db, log, checkpointOptions);
    },
  });
  if (exclusive) disk.markFull();

  /** What a failure means here: a damaged file, a full disk, or (null) something else. */
  const meaning = (err: unknown): AppError | null => {
    if (isCorruptionError(err) || (err instanceof AppError && err.code === 'db_corrupt')) {
      noticeDamage(err);
      return corrupt();
    }
    if (isDiskFullError(err, dataDir)) {
      disk.markFull();
      return diskFullError();
    }
    return null;
  };
  /** Work the core does on its own (at start, on timers): a full disk only postpones it. */
  const known = (err: unknown) => meaning(err) !== null;

  const backups = createBackups({ db, dataDir, clock, log });
  const stopBackups = scheduleDailyBackups(backups, options.timers ?? realTimers, log, {
    skip: () => disk.status.diskFull,
    onFailure: known,
  });
  // Every minute: is there room again? (A call made meanwhile looks too.)
  const stopWatchingDisk = (options.timers ?? realTimers).everyMinute(() => disk.recheck());
  const secrets = options.secrets ?? keyFileSecrets(join(dirname(options.dbPath), SECRET_KEY_FILE));

  const notify =
    options.notify ?? ((n: Notification) => log.info('notification', { title: n.title }));
  const scheduler = startScheduler({
    db,
    clock,
    timers: options.timers ?? realTimers,
    log,
    onFailure: known,
    onDue(due) {
      const { language } = readSettings(db);
      for (const r of due) {
        emit('reminder.due', r);
        notify(reminderNotification(r, language));
      }
      emit('leads.changed', { ids: due.map((r) => r.leadId) });
    },
  });
  // The team server, when this install is linked to one: off (and costless) otherwise.
  const team = createTeamSync({
    db,
    secrets,
    clock,
    log,
    onLeadsChanged(ids) {
      scheduler.sync();
      emit('leads.changed', { ids });
    },
    onStatus: (status) => emit('team.status', status),
    onRole(role) {
      writeInstallRole(db, role);
      emit('auth.changed', {});
    },
    ...options.team,
  });
  if (scheduler.missedAtStart.length > 0) {
    notify(missedNotification(scheduler.missedAtStart, readSettings(db).language));
  }

  // Once per start: one scan of a small table, and no index on its age to pay for on each save.
  try {
    pruneIdempotencyKeys(db, clock.now() - IDEMPOTENCY_KEY_DAYS * 24 * 3_600_000);
  } catch (err) {
    // Old keys do no harm: a full disk leaves them to the next start.
    if (!known(err)) throw err;
  }
  const access = createAccess(db, clock, log);
  const sessions = createSessions({
    access,
    log,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    beforeCall(method) {
      if (!disk.status.diskFull) return null;
      disk.recheck();
      // Opened alone, the file admits no second connection: an import would wait and fail.
      if (exclusive && OWN_CONNECTION.has(method)) return diskFullError();
      return null;
    },
    afterCall: () => team.localChange(),
    onFailure(err) {
      const meant = meaning(err);
      if (meant) return meant;
      if (!(err instanceof AppError)) failedUnexpectedly = true;
    },
  });

  const handlers = createHandlerTable({
    db,
    clock,
    log,
    emit,
    appVersion: APP_VERSION,
    dataDir,
    logDir: options.logDir ?? join(dataDir, LOG_DIR),
    secrets,
    access,
    current: sessions.current,
    backups,
    storage: () => disk.status,
    scheduler,
    stop: stopWriting.signal,
    team,
  });
  sessions.bind(handlers);
  const own = sessions.open();

  const core: Core = {
    handlers,
    dispatch: own.dispatch,
    openSession: sessions.open,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      void team.close();
      scheduler.stop();
      stopBackups();
      stopWatchingDisk();
      backups.stop();
      listeners.clear();
      checkpointer?.stop();
      if (!db.open) return;
      db.close();
      if (failedUnexpectedly) return;
      try {
        recordCleanClose(options.dbPath, checkedAt);
      } catch (err) {
        log.warn('could not record the clean close', { error: String(err) });
      }
    },
    db,
    // A full-disk start runs without the checkpointer until room is back: nothing to round.
    checkpoint: () => checkpointer?.round() ?? Promise.resolve(),
  };
  starting = false;
  if (damage) {
    core.close();
    return createDegradedCore(options, damage, APP_VERSION);
  }
  return core;
}

/** Methods that open a connection of their own to the file (the import worker). */
const OWN_CONNECTION: ReadonlySet<string> = new Set(['imports.run', 'imports.resume']);
