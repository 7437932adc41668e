import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src/main/core';
import { latestVersion } from '../src/main/core/db/open';
import { silentLog } from '../src/main/core/infra/log';
import { seedLeads } from './seedLeads';

export const BENCH_NOW = Date.UTC(2026, 10, 23, 2);

/**
 * A database of `count` generated leads, made once per schema version and cached in the temp
 * folder (seeding a million leads takes about half a minute), then copied for each bench.
 */
export function seededDatabaseCopy(count: number, into: string): string {
  const cacheDir = join(tmpdir(), 'leadphone-bench-cache');
  mkdirSync(cacheDir, { recursive: true });
  const template = join(cacheDir, `leads-${count}-v${latestVersion()}.db`);
  if (!existsSync(template)) {
    // Per process: two benches seeding at once must not write into one file.
    const building = `${template}.${process.pid}.building`;
    for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
    const core = createCore({ dbPath: building, clock: { now: () => BENCH_NOW }, log: silentLog });
    const t = performance.now();
    seedLeads(core.db, count, BENCH_NOW);
    core.db.pragma('optimize');
    // Everything into the main file, so copying that one file copies the database.
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.close();
    renameSync(building, template);
    console.log(
      `  seeded ${count.toLocaleString('en')} leads in ${Math.round(performance.now() - t)} ms (cached)`,
    );
  }
  const copy = join(into, 'bench.db');
  copyFileSync(template, copy);
  return copy;
}
