import { existsSync, statSync } from 'node:fs';
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
/** Then saves go on back to back for this long, the WAL's size read after each one. */
const SUSTAINED_MS = 20_000;
/** Leads enough for the sustained saves too: each save moves a lead out of its stage. */
const IDS = 150_000;

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
        .all(IDS) as string[];
      const contactIds = core.db
        .prepare("SELECT id FROM leads WHERE stage = 'contact' LIMIT ?")
        .pluck()
        .all(IDS) as string[];
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
      const save = async (i: number) => {
        now += 1000;
        const t = performance.now();
        const result = await core.dispatch('dispositions.save', input(i));
        const ms = performance.now() - t;
        if (!result.ok) throw new Error(result.error.message);
        // Each save reaches the core as its own IPC message: let timers (a callback coming due)
        // and the checkpointer's messages run between them, as they would in the app, outside
        // the timed part.
        await new Promise((resolve) => setImmediate(resolve));
        return ms;
      };
      for (let i = 0; i < SAVES + 500; i++) {
        const ms = await save(i);
        if (i >= 500) samples.push(ms);
      }
      // Sustained writes: a WAL that only a PASSIVE checkpoint looks after never starts over
      // while commits keep coming, and grows by every frame written.
      const walPath = `${dbPath}-wal`;
      const walBytes = () => (existsSync(walPath) ? statSync(walPath).size : 0);
      let walMax = walBytes();
      let sustained = 0;
      const until = performance.now() + SUSTAINED_MS;
      for (let i = SAVES + 500; performance.now() < until; i++) {
        if (i >= IDS) throw new Error(`more than ${IDS} saves in ${SUSTAINED_MS} ms: seed more`);
        await save(i);
        walMax = Math.max(walMax, walBytes());
        sustained++;
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
        {
          name: 'wal.max_mb_sustained_saves',
          value: round(walMax / (1024 * 1024), 1),
          unit: 'MB',
          goal: `under 64 (largest WAL in ${SUSTAINED_MS / 1000} s of back-to-back saves: ${sustained.toLocaleString('en')})`,
        },
      ];
    } finally {
      dir.remove();
    }
  },
};
