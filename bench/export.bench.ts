import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { createCore } from '../src/main/core';
import { silentLog } from '../src/main/core/infra/log';
import type { ExportReport } from '../src/shared/exportTypes';
import { tempDir } from '../test/helpers/tempDir';
import { BENCH_NOW, seededDatabaseCopy } from './seededDb';
import { round, type Bench, type BenchResult } from './types';

const LEADS = 100_000;

/**
 * `exports.start` of 100,000 leads through the core's dispatcher, to XLSX and to CSV: the time
 * to the finished file, and the longest the event loop was held meanwhile (what the UI and
 * IPC would wait at worst), measured by a 5 ms timer.
 */
export const exportBench: Bench = {
  name: 'export',
  async run() {
    const dir = tempDir('leadphone-bench-');
    try {
      const dbPath = seededDatabaseCopy(LEADS, dir.path);
      const core = createCore({ dbPath, clock: { now: () => BENCH_NOW }, log: silentLog });
      // Exports are a supervisor's (roles, issue 8).
      const hasAccess = core.db
        .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'access'")
        .get();
      if (hasAccess) core.db.prepare("UPDATE access SET install_role = 'supervisor'").run();

      const results: BenchResult[] = [];
      for (const format of ['xlsx', 'csv'] as const) {
        let last = performance.now();
        let maxBlock = 0;
        const timer = setInterval(() => {
          const t = performance.now();
          maxBlock = Math.max(maxBlock, t - last);
          last = t;
        }, 5);
        const heapBefore = process.memoryUsage().heapUsed;
        let heapPeak = heapBefore;
        const off = core.onEvent((event) => {
          if (event === 'export.progress') {
            heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
          }
        });
        const t0 = performance.now();
        const result = await core.dispatch('exports.start', {
          id: randomUUID(),
          kind: 'leads',
          format,
        });
        const seconds = (performance.now() - t0) / 1000;
        clearInterval(timer);
        off();
        if (!result.ok) throw new Error(result.error.message);
        const report = result.value as ExportReport;
        if (report.rows !== LEADS) throw new Error(`exported ${report.rows} rows`);
        console.log(
          `  ${format}: ${round(seconds, 2)} s, ${Math.round(statSync(report.path).size / 1024)} KiB, ` +
            `heap +${Math.round((heapPeak - heapBefore) / 1048576)} MiB at most`,
        );
        results.push(
          {
            name: `export.${format}.100k_leads_s`,
            value: round(seconds, 2),
            unit: 's',
            goal: format === 'xlsx' ? 'under 10 s (100,000 leads, 20 columns)' : 'under 3 s',
          },
          {
            name: `export.${format}.max_loop_block_ms`,
            value: round(maxBlock, 1),
            unit: 'ms',
            goal: 'under 100 ms (the UI stays responsive)',
          },
        );
      }
      core.close();
      return results;
    } finally {
      dir.remove();
    }
  },
};
