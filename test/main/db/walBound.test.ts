import { existsSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { WAL_RESET_BYTES } from '../../../src/main/core/db/checkpointer';
import type { Lead } from '../../../src/shared/domain';
import { tempCore, type TempCore } from '../../helpers/tempCore';

const SAVES = 1500;
/** Saves between two looks of the checkpoint worker; as many go on during a look. */
const SAVES_PER_LOOK = 20;
const HOUR = 3_600_000;

// The checkpoint worker looks at the WAL only when the test asks (core.checkpoint()), after
// every SAVES_PER_LOOK saves, while the next ones go on, as back-to-back saves would; the test
// waits for one look before asking for the next. Whatever the threads' timing, a look then
// starts at most 2 × SAVES_PER_LOOK saves after the last one ended, and a reset it asks for is
// done before another SAVES_PER_LOOK: the sizes asserted do not depend on the timing.
describe('the WAL under sustained saves', () => {
  let t: TempCore;
  afterEach(() => t.dispose());

  it('stays bounded while saves go on back to back, and is emptied once they pause', async () => {
    t = tempCore({ checkpointIntervalMs: 0 });
    const wal = `${t.dbPath}-wal`;
    const walBytes = () => (existsSync(wal) ? statSync(wal).size : 0);
    const leads: Lead[] = [];
    for (let i = 0; i < 400; i++) {
      const r = await t.core.dispatch('leads.add', {
        name: `Khách ${i}`,
        phone: `0912${String(100000 + i)}`,
        source: 'Facebook',
      });
      if (!r.ok) throw new Error(r.error.message);
      leads.push(r.value as Lead);
    }
    const save = async (i: number) => {
      t.clock.advance(60_000);
      const r = await t.core.dispatch('dispositions.save', {
        leadId: leads[(i + leads.length) % leads.length]!.id,
        statusCode: 'new.not_reachable',
        callbackAt: t.clock.now() + 2 * HOUR,
        consentOutsideHours: true,
        note: `lần gọi ${i}`,
      });
      if (!r.ok) throw new Error(r.error.message);
    };

    // What a save adds to the WAL, from an empty one (a few pages of each of its tables and
    // indexes: one WAL frame, 4 KiB and a header, per page).
    await t.core.checkpoint();
    await t.core.checkpoint();
    expect(walBytes()).toBe(0);
    for (let i = 0; i < 20; i++) await save(-1 - i);
    const perSave = walBytes() / 20;
    // The bound below holds if that many saves fit under the threshold; without resets the WAL
    // would hold every frame of every save, many times that.
    expect(3 * SAVES_PER_LOOK * perSave).toBeLessThan(WAL_RESET_BYTES);
    expect(SAVES * perSave).toBeGreaterThan(4 * WAL_RESET_BYTES);

    let largest = 0;
    let looking: Promise<void> | null = null;
    for (let i = 1; i <= SAVES; i++) {
      await save(i);
      largest = Math.max(largest, walBytes());
      if (i % SAVES_PER_LOOK === 0) {
        await looking;
        largest = Math.max(largest, walBytes());
        looking = t.core.checkpoint();
      }
    }
    await looking;
    expect(largest).toBeLessThan(2 * WAL_RESET_BYTES);

    // Writes pause: the next look copies what is left, the one after finds nothing new and
    // has the file emptied.
    await t.core.checkpoint();
    await t.core.checkpoint();
    expect(walBytes()).toBe(0);

    // Nothing was lost on the way, and the next save starts the WAL afresh.
    expect(t.core.db.prepare('SELECT COUNT(*) FROM dispositions').pluck().get()).toBe(SAVES + 20);
    expect(t.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await save(SAVES + 1);
    expect(walBytes()).toBeGreaterThan(0);
    expect(walBytes()).toBeLessThanOrEqual(perSave * 2);
  }, 120_000);
});
