import { createCore } from '../src/main/core';
import { openCheckedDatabase } from '../src/main/core/db/integrity';
import { openDatabase } from '../src/main/core/db/open';
import { silentLog } from '../src/main/core/infra/log';
import { tempDir } from '../test/helpers/tempDir';
import { BENCH_NOW, seededDatabaseCopy } from './seededDb';
import { round, type Bench } from './types';

const LEADS = 1_000_000;

/** What the integrity check adds to a start, and what a backup costs, on a 1,000,000-lead file. */
export const backupBench: Bench = {
  name: 'backup and integrity check',
  async run() {
    const dir = tempDir('leadphone-bench-');
    try {
      const dbPath = seededDatabaseCopy(LEADS, dir.path);
      // What quick_check adds to opening (the part of createCore this issue added), with the
      // file in the OS cache after the copy.
      let t = performance.now();
      const plain = openDatabase(dbPath);
      const openMs = performance.now() - t;
      plain.close();
      t = performance.now();
      const opened = openCheckedDatabase(dbPath);
      const checkMs = performance.now() - t - openMs;
      if (!opened.ok) throw new Error(`seeded database failed quick_check: ${opened.problems[0]}`);
      opened.db.close();

      const core = createCore({ dbPath, clock: { now: () => BENCH_NOW }, log: silentLog });
      try {
        t = performance.now();
        const r = await core.dispatch('backups.create', {});
        const backupMs = performance.now() - t;
        if (!r.ok) throw new Error(r.error.message);
        const size = (r.value as { size: number }).size;
        return [
          {
            name: 'startup.quick_check_ms',
            value: round(checkMs, 0),
            unit: 'ms',
            goal:
              'what quick_check adds to a start on 1M leads (480 MB); runs after a crash, a write ' +
              'by another program or a week, not after a clean close (db/cleanClose.ts)',
          },
          {
            name: 'backup.create_ms',
            value: round(backupMs, 0),
            unit: 'ms',
            goal: 'runs in the background',
          },
          { name: 'backup.size_mb', value: round(size / 2 ** 20, 1), unit: 'MB', goal: '—' },
        ];
      } finally {
        core.close();
      }
    } finally {
      dir.remove();
    }
  },
};
