import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Transport } from '../../../src/shared/api';
import { createClient } from '../../../src/renderer/api/client';
import { createRemindersStore } from '../../../src/renderer/reminders/remindersStore';
import type { Lead } from '../../../src/shared/domain';
import { tempCore, type TempCore } from '../../helpers/tempCore';

const MIN = 60_000;

describe('the reminders store', () => {
  let t: TempCore;
  let transport: Transport;

  async function leadWithCallback(phone: string): Promise<Lead> {
    const added = (await t.core.dispatch('leads.add', { name: `Khách ${phone}`, phone })) as {
      value: Lead;
    };
    await t.core.dispatch('dispositions.save', {
      leadId: added.value.id,
      statusCode: 'new.not_reachable',
      callbackAt: t.clock.now() + MIN,
      consentOutsideHours: true,
    });
    return added.value;
  }
  const acknowledged = () =>
    t.core.db
      .prepare('SELECT lead_id FROM reminders WHERE acknowledged_at IS NOT NULL')
      .pluck()
      .all();

  beforeEach(() => {
    t = tempCore();
    transport = {
      invoke: (method, input) => t.core.dispatch(method, input),
      on: (l) => t.core.onEvent(l),
    };
  });
  afterEach(() => t.dispose());

  it('shows what fired before it loaded, and acknowledges a banner the agent acts on', async () => {
    const a = await leadWithCallback('0912000001');
    const b = await leadWithCallback('0912000002');
    t.timers.advance(MIN);
    const store = createRemindersStore(createClient(transport));
    await store.getState().loadActive();
    expect(store.getState().banners.map((r) => r.leadId)).toEqual([a.id, b.id]);

    store.getState().dismiss(store.getState().banners[0]!.id);
    expect(store.getState().banners.map((r) => r.leadId)).toEqual([b.id]);
    await expect.poll(acknowledged).toEqual([a.id]);

    // Opened from the OS notification: that lead's banner goes, here and for later windows.
    store.getState().openedLead(b.id);
    expect(store.getState().banners).toEqual([]);
    await expect.poll(() => acknowledged().sort()).toEqual([a.id, b.id].sort());
    const later = createRemindersStore(createClient(transport));
    await later.getState().loadActive();
    expect(later.getState().banners).toEqual([]);
  });
});
