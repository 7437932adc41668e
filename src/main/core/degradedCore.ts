import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { api, type Handlers, type Method } from '../../shared/api';
import { createBackupHandlers } from './backupHandlers';
import { corrupt, createBackups } from './backups';
import { systemClock } from './clock';
import type { Core, CoreEventListener, CoreOptions } from './core';
import { latestVersion } from './db/open';
import { createDispatch } from './dispatch';
import { consoleLog } from './log';

/**
 * The core on a database that failed its integrity check, at start or when a read met a damaged
 * page while running (core.ts switches to it then). Every method answers `db_corrupt`
 * except `app.info` and the backups, so the renderer can say what happened and offer a restore.
 * Nothing opens the damaged file again (it is kept as it is; a restore copies it aside first).
 *
 * There are no roles here: the admin PIN lives in the unreadable database, so whoever sits at
 * this computer may restore. The replaced file is kept as `before-restore-….db`, so nothing is
 * lost by a wrong choice.
 */
export function createDegradedCore(
  options: CoreOptions,
  problems: string[],
  version: string,
  /** At start (the integrity check failed) or while running (a read met a damaged page). */
  found: 'start' | 'run' = 'start',
): Core {
  const log = options.log ?? consoleLog;
  const dataDir = dirname(options.dbPath);
  log.error(
    found === 'start'
      ? 'database failed its integrity check; starting in degraded mode'
      : 'database damaged while running; only backups answer now',
    { problems: problems.slice(0, 5) },
  );
  const listeners = new Set<CoreEventListener>();
  const backups = createBackups({ db: null, dataDir, clock: options.clock ?? systemClock, log });

  const refuse = () => {
    throw corrupt();
  };
  const handlers = Object.fromEntries(
    (Object.keys(api) as Method[]).map((m) => [m, refuse]),
  ) as unknown as Handlers;
  Object.assign(handlers, {
    'app.info': () => ({ version, schemaVersion: latestVersion(), dataDir }),
    ...createBackupHandlers({
      backups,
      degraded: true,
      emit: (event, payload) => {
        for (const l of listeners) l(event, payload);
      },
    }),
  });
  const dispatch = createDispatch(handlers, log);

  return {
    handlers,
    dispatch,
    openSession: () => ({
      id: randomUUID(),
      dispatch,
      onEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close() {},
    }),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      backups.stop();
      listeners.clear();
    },
    get db(): never {
      throw corrupt();
    },
    // No database open: no WAL to look after.
    checkpoint: () => Promise.resolve(),
  };
}
