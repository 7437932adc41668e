import type { EventName, EventPayload, Handlers } from '../../../shared/api';
import type { Backups } from './backups';

type BackupHandlers = Pick<Handlers, 'backups.list' | 'backups.create' | 'backups.restore'>;

export function createBackupHandlers(ctx: {
  backups: Backups;
  /** The core started on a damaged file: only backups (and app.info) answer. */
  degraded: boolean;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}): BackupHandlers {
  const { backups } = ctx;
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
  };
}
