import { dirname, join } from 'node:path';
import type { EventName, EventPayload, Handlers } from '../../shared/api';
import { systemClock, type Clock } from './clock';
import { queuePage, stageCounts } from './db/leads';
import { getStatus, listStatuses } from './db/statuses';
import { getProduct, listProducts } from './db/products';
import { orderPage } from './db/orders';
import { addStatus, editStatus } from './catalogueService';
import { saveDisposition } from './dispositionService';
import {
  addNote,
  changeCustomerStatus,
  leadDetail,
  mustGetLead,
  updateLead,
} from './leadDetailService';
import { changeOrder, saveProduct } from './orderService';
import { latestVersion, shareDatabase, type Db } from './db/open';
import { isCorruptionError, openCheckedDatabase, type CheckedOpen } from './db/integrity';
import { FULL_CHECK_EVERY_MS, recordCleanClose, takeCleanClose } from './db/cleanClose';
import { applyPendingRestore, corrupt, createBackups, scheduleDailyBackups } from './backups';
import { createBackupHandlers } from './backupHandlers';
import { createDegradedCore } from './degradedCore';
import { startCheckpointer, type Checkpointer } from './db/checkpointer';
import { createCoreSwitch, type CoreSwitch } from './coreSwitch';
import { createDiskFullCore } from './diskFullCore';
import { createDiskWatch, diskFullError, isDiskFullError } from './diskSpace';
import { AppError } from '../../shared/errors';
import { readSettings, writeSettings } from './db/settings';
import type { Dispatch } from './dispatch';
import { createAccess } from './accessService';
import { createAccessHandlers } from './accessHandlers';
import { createSessions, type CoreSession } from './sessions';
import { LOG_DIR } from './fileLog';
import { addLead } from './leadService';
import { IDEMPOTENCY_KEY_DAYS, writeOnce } from './idempotency';
import { pruneIdempotencyKeys } from './db/idempotency';
import { getCall } from './db/calls';
import { consoleLog, type Log } from './log';
import { keyFileSecrets, type Secrets } from './secrets';
import { startScheduler } from './scheduler';
import { realTimers, type SchedulerTimers } from './timers';
import { missedNotification, reminderNotification, type Notification } from './i18n/notifications';
import {
  acknowledgeFired,
  acknowledgeMissed,
  completeDueReminder,
  unacknowledgedFired,
  unacknowledgedMissed,
} from './db/reminders';
import { snoozeReminder, todaysReminders } from './reminderService';
import { leadForNumber, startCall, updateCallRecord } from './callService';
import { deleteAccount, listAccounts } from './db/sipAccounts';
import { accountCredentials, saveAccount } from './sipAccountService';
import { createIntakeHandlers } from './intakeHandlers';
import { createExportHandlers } from './exportHandlers';
import { unmaskDisposition, unmaskLeadUpdate } from './maskedEdits';
import { createReportHandlers } from './reportHandlers';
import { createUploads } from './import/uploads';
import { ensurePrivateFile, makeDataDirPrivate, makePrivateDir } from './privateFiles';
import { createSyncHandlers } from './syncHandlers';
import { BUNDLES_FOLDER } from './sync/bundleFolder';

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

/** The core on a sound, open database. */
function startLiveCore(
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
    onFailure(err) {
      const meant = meaning(err);
      if (meant) return meant;
      if (!(err instanceof AppError)) failedUnexpectedly = true;
    },
  });

  // One set of uploads: lead lists for intake, bundles for sync (the renderer never names paths).
  const uploads = createUploads(dirname(options.dbPath), () => clock.now());
  /** Does the connection making the current call see numbers masked? */
  const masked = () => access.masksNumbers(sessions.current());
  const handlers = {
    ...createAccessHandlers({
      db,
      clock,
      access,
      current: sessions.current,
      emit,
      dataDir: dirname(options.dbPath),
      logDir: options.logDir ?? join(dirname(options.dbPath), LOG_DIR),
      appVersion: APP_VERSION,
      schemaVersion: latestVersion(),
    }),
    ...createIntakeHandlers({
      db,
      clock,
      uploads,
      dataDir: dirname(options.dbPath),
      emit,
      afterImport: () => scheduler.sync(),
      masksNumbers: masked,
      stop: stopWriting.signal,
    }),
    ...createSyncHandlers({
      db,
      clock,
      appVersion: APP_VERSION,
      log,
      secrets,
      emit,
      dir: join(dirname(options.dbPath), BUNDLES_FOLDER),
      uploads,
      afterImport: () => scheduler.sync(),
    }),
    ...createExportHandlers({
      db,
      clock,
      emit,
      dir: join(dirname(options.dbPath), 'exports'),
      masksNumbers: masked,
    }),
    ...createReportHandlers({ db, clock }),
    ...createBackupHandlers({ backups, degraded: false, emit }),
    'app.info': () => ({
      version: APP_VERSION,
      schemaVersion: latestVersion(),
      dataDir: dirname(options.dbPath),
    }),
    'storage.status': () => disk.status,
    'leads.add': (input) => {
      const { result, repeated } = writeOnce(db, 'leads.add', input, clock.now(), () => ({
        id: addLead(db, input, clock.now()).id,
      }));
      if (!repeated) emit('leads.changed', { ids: [result.id] });
      return mustGetLead(db, result.id);
    },
    'leads.list': (input) => ({
      ...queuePage(db, { ...input, now: clock.now() }),
      counts: stageCounts(db),
    }),
    'leads.get': ({ id }) => mustGetLead(db, id),
    'leads.detail': ({ id }) => leadDetail(db, id),
    'leads.update': (input) => {
      const changes = masked() ? unmaskLeadUpdate(input, mustGetLead(db, input.id)) : input;
      const lead = updateLead(db, changes, clock.now());
      emit('leads.changed', { ids: [lead.id] });
      return lead;
    },
    'leads.setCustomerStatus': ({ id, code }) => {
      const lead = changeCustomerStatus(db, id, code, clock.now());
      emit('leads.changed', { ids: [id] });
      return lead;
    },
    'leads.addNote': (input) => {
      writeOnce(db, 'leads.addNote', input, clock.now(), () => ({
        noteId: addNote(db, input.id, input.text, clock.now()),
      }));
      return leadDetail(db, input.id);
    },
    'dispositions.save': (input) => {
      const sent = masked() ? unmaskDisposition(input, mustGetLead(db, input.leadId)) : input;
      const { result, repeated } = writeOnce(db, 'dispositions.save', input, clock.now(), () =>
        saveDisposition(db, sent, readSettings(db), clock.now()),
      );
      if (!repeated) {
        scheduler.rearm();
        emit('leads.changed', { ids: [input.leadId] });
      }
      return { ...result, lead: mustGetLead(db, input.leadId) };
    },
    'statuses.list': () => listStatuses(db),
    'statuses.add': (input) => {
      const { result, repeated } = writeOnce(db, 'statuses.add', input, clock.now(), () => ({
        code: addStatus(db, input).code,
      }));
      if (!repeated) emit('catalogue.changed', {});
      return getStatus(db, result.code)!;
    },
    'statuses.update': (input) => {
      const entry = editStatus(db, input);
      emit('catalogue.changed', {});
      return entry;
    },
    'products.list': ({ includeInactive }) => listProducts(db, includeInactive),
    'products.save': (input) => {
      const { result } = writeOnce(db, 'products.save', input, clock.now(), () => ({
        id: saveProduct(db, input, clock.now()).id,
      }));
      return getProduct(db, result.id)!;
    },
    'orders.list': (input) => orderPage(db, input),
    'orders.update': (input) => {
      const order = changeOrder(db, input, clock.now());
      emit('leads.changed', { ids: [order.leadId] });
      return order;
    },
    'calls.start': (input) => {
      const { result, repeated } = writeOnce(db, 'calls.start', input, clock.now(), () => {
        const call = startCall(db, input, clock.now());
        if (call.leadId && call.direction === 'outbound') {
          completeDueReminder(db, call.leadId, clock.now());
        }
        return { id: call.id };
      });
      if (!repeated && input.leadId && input.direction === 'outbound') scheduler.rearm();
      return getCall(db, result.id)!;
    },
    'reminders.list': () => todaysReminders(db, clock.now(), readSettings(db).timeZone),
    'reminders.missed': () => unacknowledgedMissed(db),
    'reminders.ackMissed': ({ ids }) => {
      acknowledgeMissed(db, ids, clock.now());
      return {};
    },
    'reminders.active': () => unacknowledgedFired(db),
    'reminders.acknowledge': ({ ids }) => {
      acknowledgeFired(db, ids, clock.now());
      return {};
    },
    'reminders.snooze': ({ id, minutes }) => {
      const view = snoozeReminder(db, id, minutes, clock.now());
      scheduler.rearm();
      emit('leads.changed', { ids: [view.leadId] });
      return view;
    },
    'calls.update': (input) => {
      const call = updateCallRecord(db, input);
      if (call.leadId) emit('leads.changed', { ids: [call.leadId] });
      return call;
    },
    'calls.lookupNumber': ({ number }) => ({ lead: leadForNumber(db, number) }),
    'sipAccounts.list': () => listAccounts(db).map((a) => a.view),
    'sipAccounts.save': (input) => {
      const view = saveAccount(db, secrets, input, clock.now());
      emit('sipAccounts.changed', {});
      return view;
    },
    'sipAccounts.delete': ({ id }) => {
      deleteAccount(db, id);
      emit('sipAccounts.changed', {});
      return {};
    },
    'sipAccounts.credentials': ({ id }) => accountCredentials(db, secrets, id),
    'settings.get': () => readSettings(db),
    'settings.update': (changes) => {
      writeSettings(db, changes);
      const settings = readSettings(db);
      emit('settings.changed', settings);
      return settings;
    },
  } satisfies Handlers;
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
