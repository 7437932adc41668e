import { dirname } from 'node:path';
import { createAppHandlers } from '../app/handlers';
import { createBackups } from '../backups/backups';
import { createBackupsHandlers } from '../backups/handlers';
import { systemClock } from '../infra/clock';
import { diskFullError, hasRoom } from '../infra/diskSpace';
import { consoleLog } from '../infra/log';
import { realTimers } from '../infra/timers';
import { createStorageHandlers } from '../storage/handlers';
import type { Core, CoreOptions } from './core';
import { createStandInCore } from './standInCore';

/**
 * The core while a full disk keeps the database from opening at all: SQLite found no room for
 * what opening needs to write (the schema of a first start, an update's migrations). Every
 * method answers `disk_full` but `app.info`, `storage.status` and the list of backups, so a
 * window can say what happened. Every minute, and before every call, a probe looks for room;
 * once there is some, `onRoom` starts the real core in its place (core.ts).
 */
export function createDiskFullCore(
  options: CoreOptions,
  version: string,
  since: number,
  onRoom: () => void,
): Core {
  const log = options.log ?? consoleLog;
  const clock = options.clock ?? systemClock;
  const dataDir = dirname(options.dbPath);
  log.error('the disk is full: the database cannot be opened until space returns', {});
  const backups = createBackups({ db: null, dataDir, clock, log });
  let closed = false;
  const look = () => {
    if (!closed && hasRoom(dataDir)) onRoom();
  };
  const stopLooking = (options.timers ?? realTimers).everyMinute(look);

  return createStandInCore({
    log,
    refusal: diskFullError,
    answers: () => ({
      ...createAppHandlers({ version, dataDir }),
      ...createStorageHandlers({ status: () => ({ diskFull: true, since }) }),
      // Listing needs no room; taking or restoring a backup would write.
      'backups.list': createBackupsHandlers({
        backups,
        degraded: false,
        emit: () => {},
        diagnostics: null,
      })['backups.list'],
    }),
    beforeCall: look,
    close() {
      closed = true;
      stopLooking();
      backups.stop();
    },
  });
}
