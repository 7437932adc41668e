import { release } from 'node:os';
import { join } from 'node:path';
import type { AreaHandlers } from '../../../shared/api';
import type { backupsArea } from '../../../shared/api/backups';
import type { Clock } from '../infra/clock';
import type { Db } from '../db/open';
import type { CoreEventListener } from '../plumbing/core';
import { corrupt, type Backups } from './backups';
import { diagnosticsPath, saveDiagnostics } from './diagnostics';

/** What a diagnostics file is made of: the log files and the versions of everything. */
export interface DiagnosticsContext {
  db: Db;
  clock: Clock;
  dataDir: string;
  logDir: string;
  appVersion: string;
  schemaVersion: number;
}

export function createBackupsHandlers(ctx: {
  backups: Backups;
  /** The core started on a damaged file: only backups (and app.info) answer. */
  degraded: boolean;
  emit: CoreEventListener;
  /** Null on a damaged file: diagnostics read the database, and it cannot be read. */
  diagnostics: DiagnosticsContext | null;
}): AreaHandlers<typeof backupsArea> {
  const { backups, diagnostics } = ctx;
  return {
    'backups.list': () => ({
      items: backups.list(),
      restorePending: backups.pendingRestore(),
      degraded: ctx.degraded,
    }),
    'backups.create': () => backups.create('manual'),
    // Applied at the next start (applyPendingRestore): every part of the core holds the open
    // connection, so swapping the file under a running core would be neither simple nor safe.
    'backups.restore': ({ name }) => {
      backups.scheduleRestore(name);
      ctx.emit('backups.restoreScheduled', { name });
      return { name, restartRequired: true as const };
    },
    'diagnostics.save': () => {
      if (!diagnostics) throw corrupt();
      const now = diagnostics.clock.now();
      return saveDiagnostics({
        logDir: diagnostics.logDir,
        target: diagnosticsPath(join(diagnostics.dataDir, 'diagnostics'), now),
        savedAt: now,
        versions: {
          app: diagnostics.appVersion,
          schema: diagnostics.schemaVersion,
          node: process.versions.node,
          electron: process.versions.electron ?? null,
          chrome: process.versions.chrome ?? null,
          sqlite: diagnostics.db.prepare('SELECT sqlite_version()').pluck().get() as string,
          platform: process.platform,
          arch: process.arch,
          osRelease: release(),
        },
      });
    },
  };
}
