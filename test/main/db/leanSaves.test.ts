import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertLead, queuePage, segments, segmentSql } from '../../../src/main/core/leads/db/leads';
import { migrations } from '../../../src/main/core/db/migrations';
import { m0100LeanSaves } from '../../../src/main/core/db/migrations/0100-lean-saves';
import { migrate } from '../../../src/main/core/db/open';
import { searchLeads } from '../../../src/main/core/leads/db/search';
import type { Lead } from '../../../src/shared/domain';
import { leadFixture } from '../../helpers/leadFixture';
import { tempCore, type TempCore } from '../../helpers/tempCore';
import { tempDir } from '../../helpers/tempDir';
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

describe('migration 0100 (lean saves) on a database with leads in it', () => {
  it('keeps every lead in its queue segment and the search index in step', () => {
    const dir = tempDir();
    const db = new Database(join(dir.path, 'leadphone.db'));
    try {
      const at = migrations.indexOf(m0100LeanSaves);
      expect(at).toBeGreaterThan(0);
      migrate(db, migrations.slice(0, at));
      const now = Date.UTC(2026, 10, 23, 2);
      const rows = [
        leadFixture({ name: 'gọi ngay', receivedAt: now - 1000 }),
        leadFixture({ name: 'gọi lại', nextAction: 'callback', nextActionAt: now - 60_000 }),
        leadFixture({ name: 'xong', nextAction: 'none', updatedAt: now - 5000 }),
        leadFixture({
          name: 'liên hệ',
          stage: 'contact',
          nextAction: 'callback',
          nextActionAt: now,
        }),
      ];
      for (const r of rows) insertLead(db, r);

      migrate(db);
      const names = (stage: 'new' | 'contact') =>
        queuePage(db, { stage, now, limit: 10, cursor: null }).items.map((l) => l.name);
      expect(names('new')).toEqual(['gọi lại', 'gọi ngay', 'xong']);
      expect(names('contact')).toEqual(['liên hệ']);
      const plan = (
        db.prepare(`EXPLAIN QUERY PLAN ${segmentSql(segments[3]!, false)}`).all({
          stage: 'new',
          now,
          limit: 5,
        }) as { detail: string }[]
      ).map((r) => r.detail);
      expect(plan.join(' | ')).toContain('leads_queue_no_action');

      // The rebuilt search trigger still follows a real change of name.
      db.prepare("UPDATE leads SET name = 'Đặng Thu Thảo' WHERE id = ?").run(rows[0]!.id);
      const found = searchLeads(db, { query: 'dang thu', limit: 10, cursor: null });
      expect(found.items.map((l) => l.id)).toEqual([rows[0]!.id]);
    } finally {
      db.close();
      dir.remove();
    }
  });
});
