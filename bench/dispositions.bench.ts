import { createCore } from '../src/main/core';
import { silentLog } from '../src/main/core/infra/log';
import type { DispositionSaveInput } from '../src/shared/api';
import { tempDir } from '../test/helpers/tempDir';
import { BENCH_NOW, seededDatabaseCopy } from './seededDb';
import { seededRandom } from './seedLeads';
import { percentile, round, type Bench } from './types';

const LEADS = 1_000_000;
const SAVES = 10_000;
const HOUR = 3_600_000;

/** `dispositions.save` through the core's dispatcher on a 1,000,000-lead file. */
export const dispositionsBench: Bench = {
  name: 'dispositions save',
  async run() {
    const dir = tempDir('leadphone-bench-');
    try {
      const dbPath = seededDatabaseCopy(LEADS, dir.path);
      let now = BENCH_NOW;
      const core = createCore({ dbPath, clock: { now: () => now }, log: silentLog });
      const rnd = seededRandom(11);
      const newIds = core.db
        .prepare("SELECT id FROM leads WHERE stage = 'new' LIMIT ?")
        .pluck()
        .all(SAVES + 500) as string[];
      const contactIds = core.db
        .prepare("SELECT id FROM leads WHERE stage = 'contact' LIMIT ?")
        .pluck()
        .all(SAVES + 500) as string[];
      const customer = { name: 'Khách hàng', province: 'Hà Nội' };
      const order = {
        items: [
          { productName: 'Liệu trình 1 tháng', quantity: 2, unitPrice: 450_000 },
          { productName: 'Kem dưỡng', quantity: 1, unitPrice: 350_000 },
        ],
      };
      // A realistic mix: mostly no-answer callbacks and quick outcomes, some converts and sales.
      const input = (i: number): DispositionSaveInput => {
        const r = rnd();
        if (r < 0.35)
          return {
            leadId: newIds[i]!,
            statusCode: 'new.not_reachable',
            callbackAt: now + 2 * HOUR,
            consentOutsideHours: true,
          };
        if (r < 0.5)
          return { leadId: newIds[i]!, statusCode: 'new.not_interested', note: 'không có nhu cầu' };
        if (r < 0.6) return { leadId: newIds[i]!, statusCode: 'new.converted', customer };
        if (r < 0.85) return { leadId: contactIds[i]!, statusCode: 'contact.no_answer' };
        return { leadId: contactIds[i]!, statusCode: 'contact.closing_pending', order };
      };
      const samples: number[] = [];
      for (let i = 0; i < SAVES + 500; i++) {
        now += 1000;
        const t = performance.now();
        const result = await core.dispatch('dispositions.save', input(i));
        const ms = performance.now() - t;
        if (!result.ok) throw new Error(result.error.message);
        if (i >= 500) samples.push(ms);
        // Each save reaches the core as its own IPC message: let timers (a callback coming due)
        // run between them, as they would in the app, outside the timed part.
        await new Promise((resolve) => setImmediate(resolve));
      }
      core.close();
      return [
        {
          name: 'dispositions.save.p99_ms',
          value: round(percentile(samples, 99)),
          unit: 'ms',
          goal: 'under 1 ms (10,000 saves, 1,000,000 leads)',
        },
        {
          name: 'dispositions.save.median_ms',
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
