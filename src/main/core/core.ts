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
import { latestVersion, type Db } from './db/open';
import { openCheckedDatabase } from './db/integrity';
import { FULL_CHECK_EVERY_MS, recordCleanClose, takeCleanClose } from './db/cleanClose';
import { applyPendingRestore, createBackups, scheduleDailyBackups } from './backups';
import { createBackupHandlers } from './backupHandlers';
import { createDegradedCore } from './degradedCore';
import { startCheckpointer } from './db/checkpointer';
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
  const opened = openCheckedDatabase(options.dbPath, { quickCheck: !trusted });
  if (!opened.ok) return createDegradedCore(options, opened.problems, APP_VERSION);
  const checkedAt = trusted ? lastChecked : clock.now();
  log.info(trusted ? 'integrity check skipped: closed cleanly since' : 'integrity check passed', {
    checkedAt: new Date(checkedAt).toISOString(),
  });
  const db = opened.db;
  const backups = createBackups({ db, dataDir: dirname(options.dbPath), clock, log });
  const stopBackups = scheduleDailyBackups(backups, options.timers ?? realTimers, log);
  const checkpointer = startCheckpointer(db, log, {
    ...(options.checkpointIntervalMs === undefined
      ? {}
      : { intervalMs: options.checkpointIntervalMs }),
  });
  const secrets = options.secrets ?? keyFileSecrets(join(dirname(options.dbPath), SECRET_KEY_FILE));
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

  const notify =
    options.notify ?? ((n: Notification) => log.info('notification', { title: n.title }));
  const scheduler = startScheduler({
    db,
    clock,
    timers: options.timers ?? realTimers,
    log,
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
  pruneIdempotencyKeys(db, clock.now() - IDEMPOTENCY_KEY_DAYS * 24 * 3_600_000);
  const access = createAccess(db, clock, log);
  // A call that failed unexpectedly may have met a damaged page: then the next start checks the
  // whole file even after a clean close.
  let failedUnexpectedly = false;
  const sessions = createSessions({
    access,
    log,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onInternalError: () => (failedUnexpectedly = true),
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
    }),
    ...createSyncHandlers({
      db,
      clock,
      appVersion: APP_VERSION,
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

  return {
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
      backups.stop();
      listeners.clear();
      checkpointer.stop();
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
    checkpoint: () => checkpointer.round(),
  };
}
