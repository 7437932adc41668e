import { createCore } from '../src/main/core';
import { silentLog } from '../src/main/core/infra/log';
import type { LeadPage } from '../src/shared/api';
import { stages } from '../src/shared/domain';
import { tempDir } from '../test/helpers/tempDir';
import { seededRandom } from './seedLeads';
import { BENCH_NOW, seededDatabaseCopy } from './seededDb';
import { percentile, round, type Bench } from './types';

const LEADS = 1_000_000;
const QUERIES = 3_000;

/** `leads.list` through the core's dispatcher (validation included) on a 1,000,000-lead file. */
export const queuePageBench: Bench = {
  name: 'queue page',
  async run() {
    const dir = tempDir('leadphone-bench-');
    const now = BENCH_NOW;
    try {
      const dbPath = seededDatabaseCopy(LEADS, dir.path);
      const core = createCore({ dbPath, clock: { now: () => now }, log: silentLog });

      const rnd = seededRandom(7);
      const cursors: Record<string, (string | null)[]> = {
        new: [null],
        contact: [null],
        order: [null],
      };
      const samples: number[] = [];
      for (let i = 0; i < QUERIES + 200; i++) {
        const stage = stages[Math.floor(rnd() * stages.length)]!;
        // Mostly first pages, sometimes deeper ones (an agent scrolling).
        const known = cursors[stage]!;
        const cursor = rnd() < 0.6 ? null : known[Math.floor(rnd() * known.length)]!;
        const t = performance.now();
        const result = await core.dispatch('leads.list', { stage, limit: 50, cursor });
        const ms = performance.now() - t;
        if (!result.ok) throw new Error(result.error.message);
        const page = result.value as LeadPage;
        if (page.nextCursor && known.length < 200) known.push(page.nextCursor);
        if (i >= 200) samples.push(ms); // the first 200 warm the statement cache and the page cache
      }
      core.close();
      return [
        {
          name: 'queue.page.p99_ms',
          value: round(percentile(samples, 99)),
          unit: 'ms',
          goal: 'p99 under 2 ms (50 leads a page, 1,000,000 leads)',
        },
        {
          name: 'queue.page.median_ms',
          value: round(percentile(samples, 50)),
          unit: 'ms',
          goal: 'informational',
        },
      ];
    } finally {
      dir.remove();
    }
  },
};
