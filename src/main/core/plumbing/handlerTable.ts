import { join } from 'node:path';
import type { Handlers } from '../../../shared/api';
import type { StorageStatus } from '../../../shared/api/storage';
import type { Access, SessionState } from '../access/accessControl';
import { createAccessHandlers } from '../access/handlers';
import { createAppHandlers } from '../app/handlers';
import type { Backups } from '../backups/backups';
import { createBackupsHandlers } from '../backups/handlers';
import { createCallsHandlers } from '../calls/handlers';
import { createComplianceHandlers } from '../compliance/handlers';
import { latestVersion, type Db } from '../db/open';
import { createExportHandlers } from '../export/handlers';
import type { Clock } from '../infra/clock';
import type { Log } from '../infra/log';
import type { Secrets } from '../infra/secrets';
import { createIntakeHandlers } from '../intake/handlers';
import { createUploads } from '../intake/uploads';
import { createLeadsHandlers } from '../leads/handlers';
import { createOrdersHandlers } from '../orders/handlers';
import { createRemindersHandlers } from '../reminders/handlers';
import { createReportsHandlers } from '../reports/handlers';
import { createSettingsHandlers } from '../settings/handlers';
import { createSipAccountsHandlers } from '../sipAccounts/handlers';
import { createStorageHandlers } from '../storage/handlers';
import { BUNDLES_FOLDER } from '../sync/bundleFolder';
import { createSyncHandlers } from '../sync/handlers';
import { createTeamHandlers } from '../team/handlers';
import type { TeamSync } from '../team/teamSync';
import { createWorkflowHandlers } from '../workflow/handlers';
import type { CoreEventListener } from './core';

/** The live core's handler table: every area's, joined; a method with no handler fails to build. */
export function createHandlerTable(ctx: {
  db: Db;
  clock: Clock;
  log: Log;
  emit: CoreEventListener;
  appVersion: string;
  /** The folder of the database: uploads, bundles, exports and diagnostics go beside it. */
  dataDir: string;
  logDir: string;
  secrets: Secrets;
  access: Access;
  /** The session of the call being handled. */
  current(): SessionState;
  backups: Backups;
  /** The disk watch's latest finding. */
  storage(): StorageStatus;
  scheduler: {
    /** Callbacks changed: the next one is armed again. */
    rearm(): void;
    /** Leads were written in bulk: the scheduler reads every callback again. */
    sync(): void;
  };
  /** Aborted when the core stops writing (a damaged file): imports stop after their batch. */
  stop: AbortSignal;
  team: TeamSync;
}): Handlers {
  const { db, clock, emit, dataDir, scheduler } = ctx;
  // One set of uploads: lead lists for intake, bundles for sync (the renderer never names paths).
  const uploads = createUploads(dataDir, () => clock.now());
  /** Does the connection making the current call see numbers masked? */
  const masksNumbers = () => ctx.access.masksNumbers(ctx.current());
  const rearm = () => scheduler.rearm();
  return {
    ...createAccessHandlers({ access: ctx.access, current: ctx.current, emit }),
    ...createIntakeHandlers({
      db,
      clock,
      uploads,
      dataDir,
      emit,
      afterImport: () => scheduler.sync(),
      stop: ctx.stop,
    }),
    ...createSyncHandlers({
      db,
      clock,
      appVersion: ctx.appVersion,
      log: ctx.log,
      secrets: ctx.secrets,
      emit,
      dir: join(dataDir, BUNDLES_FOLDER),
      uploads,
      afterImport: () => scheduler.sync(),
    }),
    ...createExportHandlers({ db, clock, emit, dir: join(dataDir, 'exports'), masksNumbers }),
    ...createReportsHandlers({ db, clock }),
    ...createBackupsHandlers({
      backups: ctx.backups,
      degraded: false,
      emit,
      diagnostics: {
        db,
        clock,
        dataDir,
        logDir: ctx.logDir,
        appVersion: ctx.appVersion,
        schemaVersion: latestVersion(),
      },
    }),
    ...createAppHandlers({ version: ctx.appVersion, dataDir }),
    ...createStorageHandlers({ status: ctx.storage }),
    ...createLeadsHandlers({ db, clock, emit, masksNumbers }),
    ...createWorkflowHandlers({ db, clock, emit, masksNumbers, rearm }),
    ...createOrdersHandlers({ db, clock, emit }),
    ...createCallsHandlers({ db, clock, emit, rearm }),
    ...createRemindersHandlers({ db, clock, emit, rearm }),
    ...createSipAccountsHandlers({ db, clock, secrets: ctx.secrets, emit }),
    ...createSettingsHandlers({ db, emit }),
    ...createTeamHandlers({ db, team: ctx.team }),
    ...createComplianceHandlers({ db, clock, emit, uploads }),
  } satisfies Handlers;
}
