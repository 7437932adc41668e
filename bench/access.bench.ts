import { join } from 'node:path';
import { createCore } from '../src/main/core';
import { silentLog } from '../src/main/core/infra/log';
import { TEST_PIN, setUpInstall } from '../test/helpers/access';
import { tempDir } from '../test/helpers/tempDir';
import { percentile, round, type Bench } from './types';

const LEADS = 2_000;
const PAGES = 2_000;
const PIN_CHECKS = 20;

/**
 * What roles cost: one admin-PIN check (scrypt, meant to be slow) and a 50-lead queue page for
 * an agent with masking on against the same page unmasked (role check + masking per call).
 */
export const accessBench: Bench = {
  name: 'access',
  async run() {
    const dir = tempDir('leadphone-bench-');
    try {
      const core = createCore({ dbPath: join(dir.path, 'leadphone.db'), log: silentLog });
      setUpInstall(core.db, 'agent');
      for (let i = 0; i < LEADS; i++) {
        const r = await core.dispatch('leads.add', {
          name: `Khách ${i}`,
          phone: `09${String(10_000_000 + i).padStart(8, '0')}`,
        });
        if (!r.ok) throw new Error(r.error.message);
      }
      const admin = core.openSession();
      const agent = core.openSession();

      const pinMs: number[] = [];
      for (let i = 0; i < PIN_CHECKS; i++) {
        const t = performance.now();
        const r = await admin.dispatch('auth.unlock', { pin: TEST_PIN });
        pinMs.push(performance.now() - t);
        if (!r.ok) throw new Error(r.error.message);
      }
      await admin.dispatch('auth.setMasking', { maskNumbers: true });

      const page = async (session: typeof agent) => {
        const samples: number[] = [];
        for (let i = 0; i < PAGES + 200; i++) {
          const t = performance.now();
          const r = await session.dispatch('leads.list', { stage: 'new', limit: 50 });
          const ms = performance.now() - t;
          if (!r.ok) throw new Error(r.error.message);
          if (i >= 200) samples.push(ms);
        }
        return samples;
      };
      const masked = await page(agent);
      const full = await page(admin);
      core.close();
      return [
        {
          name: 'access.pin_check.median_ms',
          value: round(percentile(pinMs, 50)),
          unit: 'ms',
          goal: 'informational: slow on purpose (scrypt N=2^15), one per unlock',
        },
        {
          name: 'access.masked_page.median_ms',
          value: round(percentile(masked, 50)),
          unit: 'ms',
          goal: 'informational: 50 leads, agent with masking on',
        },
        {
          name: 'access.unmasked_page.median_ms',
          value: round(percentile(full, 50)),
          unit: 'ms',
          goal: 'informational: the same page for an unlocked admin',
        },
        {
          name: 'access.masking_overhead.median_ms',
          value: round(percentile(masked, 50) - percentile(full, 50)),
          unit: 'ms',
          goal: 'under 0.5 ms a page',
        },
      ];
    } finally {
      dir.remove();
    }
  },
};
