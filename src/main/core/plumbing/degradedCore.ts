import { dirname } from 'node:path';
import { createAppHandlers } from '../app/handlers';
import { corrupt, createBackups } from '../backups/backups';
import { createBackupsHandlers } from '../backups/handlers';
import { systemClock } from '../infra/clock';
import { consoleLog } from '../infra/log';
import type { Core, CoreOptions } from './core';
import { createStandInCore } from './standInCore';

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
  const backups = createBackups({ db: null, dataDir, clock: options.clock ?? systemClock, log });
  return createStandInCore({
    log,
    refusal: corrupt,
    answers: (emit) => ({
      ...createAppHandlers({ version, dataDir }),
      ...createBackupsHandlers({ backups, degraded: true, emit, diagnostics: null }),
    }),
    close: () => backups.stop(),
  });
}
