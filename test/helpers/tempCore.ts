import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core/core';
import { silentLog, type Log } from '../../src/main/core/log';
import { fakeClock, type FakeClock } from './fakeClock';
import { tempDir } from './tempDir';

export interface TempCore {
  core: Core;
  clock: FakeClock;
  dbPath: string;
  dir: string;
  /** Closes the core and deletes its folder. */
  dispose(): void;
}

export function tempCore(options: { log?: Log; clock?: FakeClock } = {}): TempCore {
  const dir = tempDir();
  const clock = options.clock ?? fakeClock();
  const dbPath = join(dir.path, 'leadphone.db');
  const core = createCore({ dbPath, clock, log: options.log ?? silentLog });
  return {
    core,
    clock,
    dbPath,
    dir: dir.path,
    dispose() {
      core.close();
      dir.remove();
    },
  };
}
