import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { api, type Handlers, type Method } from '../../shared/api';
import { createBackups } from './backups';
import { systemClock } from './clock';
import type { Core, CoreEventListener, CoreOptions } from './core';
import { latestVersion } from './db/open';
import { diskFullError, hasRoom } from './diskSpace';
import { createDispatch } from './dispatch';
import { consoleLog } from './log';
import { realTimers } from './timers';

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
  const listeners = new Set<CoreEventListener>();
  const backups = createBackups({ db: null, dataDir, clock, log });
  let closed = false;
  const look = () => {
    if (!closed && hasRoom(dataDir)) onRoom();
  };
  const stopLooking = (options.timers ?? realTimers).everyMinute(look);

  const refuse = () => {
    throw diskFullError();
  };
  const handlers = Object.fromEntries(
    (Object.keys(api) as Method[]).map((m) => [m, refuse]),
  ) as unknown as Handlers;
  Object.assign(handlers, {
    'app.info': () => ({ version, schemaVersion: latestVersion(), dataDir }),
    'storage.status': () => ({ diskFull: true, since }),
    'backups.list': () => ({
      items: backups.list(),
      restorePending: backups.pendingRestore(),
      degraded: false,
    }),
  } satisfies Partial<Handlers>);
  const inner = createDispatch(handlers, log);
  const dispatch: Core['dispatch'] = (method, input) => {
    look();
    return inner(method, input);
  };

  return {
    handlers,
    dispatch,
    // No database open yet: nothing to checkpoint.
    checkpoint: () => Promise.resolve(),
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
      closed = true;
      stopLooking();
      backups.stop();
      listeners.clear();
    },
    get db(): never {
      throw diskFullError();
    },
  };
}
