import { release } from 'node:os';
import { join } from 'node:path';
import type { AreaHandlers, EventName, EventPayload, Handlers } from '../../../shared/api';
import type { accessArea } from '../../../shared/api/access';
import type { Clock } from '../infra/clock';
import type { Access, SessionState } from './accessControl';
import { diagnosticsPath, saveDiagnostics } from '../backups/diagnostics';
import type { Db } from '../db/open';

type AccessHandlers = AreaHandlers<typeof accessArea> & Pick<Handlers, 'diagnostics.save'>;

/** The contract's `auth.*` and `diagnostics.*` methods. */
export function createAccessHandlers(ctx: {
  db: Db;
  clock: Clock;
  access: Access;
  /** The session of the call being handled. */
  current(): SessionState;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  dataDir: string;
  logDir: string;
  appVersion: string;
  schemaVersion: number;
}): AccessHandlers {
  const { access, current } = ctx;
  const changed = <T>(value: T): T => {
    ctx.emit('auth.changed', {});
    // Masking or a role decides which numbers each connection sees: lists reload.
    ctx.emit('leads.changed', { ids: [] });
    return value;
  };
  return {
    'auth.status': () => access.status(current()),
    'auth.setupPin': ({ pin }) => access.setupPin(current(), pin),
    'auth.unlock': ({ pin }) => access.unlock(current(), pin),
    'auth.lock': () => access.lock(current()),
    'auth.changePin': ({ currentPin, newPin }) => access.changePin(current(), currentPin, newPin),
    'auth.setRole': ({ role }) => changed(access.setRole(current(), role)),
    'auth.setMasking': ({ maskNumbers }) => changed(access.setMasking(current(), maskNumbers)),
    'diagnostics.save': () => {
      const now = ctx.clock.now();
      return saveDiagnostics({
        logDir: ctx.logDir,
        target: diagnosticsPath(join(ctx.dataDir, 'diagnostics'), now),
        savedAt: now,
        versions: {
          app: ctx.appVersion,
          schema: ctx.schemaVersion,
          node: process.versions.node,
          electron: process.versions.electron ?? null,
          chrome: process.versions.chrome ?? null,
          sqlite: ctx.db.prepare('SELECT sqlite_version()').pluck().get() as string,
          platform: process.platform,
          arch: process.arch,
          osRelease: release(),
        },
      });
    },
  };
}
