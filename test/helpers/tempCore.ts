import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../src/main/core';
import { silentLog, type Log } from '../../src/main/core/infra/log';
import { fakeClock, type FakeClock } from './fakeClock';
import { fakeTimers, type FakeTimers } from './fakeTimers';
import type { Notification } from '../../src/main/core/infra/i18n/notifications';
import { tempDir } from './tempDir';
import { setUpInstall } from './access';
import type { Role } from '../../src/shared/roles';

export interface TempCore {
  core: Core;
  clock: FakeClock;
  timers: FakeTimers;
  notifications: Notification[];
  dbPath: string;
  dir: string;
  /** Closes the core and deletes its folder. */
  dispose(): void;
}

export function tempCore(
  options: {
    log?: Log;
    clock?: FakeClock;
    dir?: string;
    /** The install's role (admin by default, with the test PIN set); `fresh`: first start. */
    role?: Role | 'fresh';
    /** 0: the checkpoint worker looks at the WAL only when `core.checkpoint()` asks. */
    checkpointIntervalMs?: number;
    /** How the core's team sync reaches a server. */
    team?: CoreOptions['team'];
  } = {},
): TempCore {
  const dir = options.dir ? { path: options.dir, remove: () => {} } : tempDir();
  const clock = options.clock ?? fakeClock();
  const timers = fakeTimers(clock);
  const notifications: Notification[] = [];
  const dbPath = join(dir.path, 'leadphone.db');
  const core = createCore({
    dbPath,
    clock,
    timers,
    log: options.log ?? silentLog,
    notify: (n) => notifications.push(n),
    ...(options.checkpointIntervalMs === undefined
      ? {}
      : { checkpointIntervalMs: options.checkpointIntervalMs }),
    ...(options.team ? { team: options.team } : {}),
  });
  const role = options.role ?? 'admin';
  if (role !== 'fresh') setUpInstall(core.db, role);
  return {
    core,
    clock,
    timers,
    notifications,
    dbPath,
    dir: dir.path,
    dispose() {
      core.close();
      dir.remove();
    },
  };
}
