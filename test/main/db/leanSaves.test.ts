import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertLead } from '../../../src/main/core/db/leads';
import type { Lead } from '../../../src/shared/domain';
import { leadFixture } from '../../helpers/leadFixture';
import { tempCore, type TempCore } from '../../helpers/tempCore';
import { btreesWrittenBy } from '../../helpers/walPages';

const HOUR = 3_600_000;

/** Migration 0100: a save writes the pages its changes need, and no others. */
describe('lean saves', () => {
  let t: TempCore;
  beforeEach(() => {
    t = tempCore();
    // Enough leads in every folder and next action that each index has entries of its own.
    for (let i = 0; i < 300; i++) {
      const nextAction = (['call_now', 'callback', 'none'] as const)[i % 3]!;
      insertLead(
        t.core.db,
        leadFixture({
          name: `Khách ${i}`,
          phoneAsGiven: `0912${String(100000 + i)}`,
          stage: (['new', 'contact', 'order'] as const)[i % 3]!,
          nextAction,
          nextActionAt: nextAction === 'callback' ? t.clock.now() + i * HOUR : null,
          source: i % 2 ? 'Facebook' : 'Zalo',
        }),
      );
    }
  });
  afterEach(() => t.dispose());

  let phoneSeq = 0;
  const add = async (name = 'Trần Thị Bích') => {
    const r = await t.core.dispatch('leads.add', {
      name,
      phone: `0987${String(100000 + phoneSeq++)}`,
      source: 'Zalo',
    });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as Lead;
  };
  const save = async (input: Record<string, unknown>) => {
    let failed: string | null = null;
    const written = await btreesWrittenBy(t.core.db, async () => {
      const r = await t.core.dispatch('dispositions.save', input);
      if (!r.ok) failed = r.error.message;
    });
    expect(failed).toBeNull();
    return written;
  };

  it('a second "no answer" on a contact lead moves it within the callback index only', async () => {
    const lead = await add();
    const first = await save({
      leadId: lead.id,
      statusCode: 'new.converted',
      customer: { name: lead.name },
    });
    expect(first).toContain('leads_queue_call_now');
    expect(first).toContain('leads_queue_callback');
    await save({ leadId: lead.id, statusCode: 'contact.no_answer' });
    t.clock.advance(HOUR);
    const written = await save({ leadId: lead.id, statusCode: 'contact.no_answer' });

    expect(written).toContain('leads');
    expect(written).toContain('leads_queue_callback');
    expect(written).toContain('dispositions');
    expect(written).toContain('reminders');
    // Same folder, same customer status, same name: those indexes are left alone.
    for (const untouched of [
      'leads_source',
      'leads_customer_status',
      'leads_queue_call_now',
      'leads_queue_no_action',
      'lead_search_data',
      'lead_search_idx',
    ]) {
      expect(written, untouched).not.toContain(untouched);
    }
  });

  it('rewrites the search index on a convert only when the name changes', async () => {
    const sameName = await add('Lê Văn Tám');
    const same = await save({
      leadId: sameName.id,
      statusCode: 'new.converted',
      customer: { name: 'Lê Văn Tám', province: 'Huế' },
    });
    expect(same).not.toContain('lead_search_data');

    const renamed = await add('chị Hoa');
    const other = await save({
      leadId: renamed.id,
      statusCode: 'new.converted',
      customer: { name: 'Phạm Thị Hoa', province: 'Huế' },
    });
    expect(other).toContain('lead_search_data');
    const found = await t.core.dispatch('leads.search', { query: 'pham thi hoa', limit: 10 });
    expect(found).toMatchObject({ ok: true, value: { items: [{ id: renamed.id }] } });
  });
});
