import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertLead, queuePage, segments, segmentSql } from '../../../src/main/core/leads/db/leads';
import type { Lead } from '../../../src/shared/domain';
import { T0 } from '../../helpers/fakeClock';
import { leadFixture } from '../../helpers/leadFixture';
import { tempCore, type TempCore } from '../../helpers/tempCore';

const MIN = 60_000;

function lead(name: string, fields: Partial<Lead>): Lead {
  return leadFixture({ name, ...fields });
}

describe('the queue order', () => {
  let t: TempCore;
  beforeEach(() => {
    t = tempCore();
    const rows = [
      lead('upcoming later', { nextAction: 'callback', nextActionAt: T0 + 90 * MIN }),
      lead('fresh older', { receivedAt: T0 - 20 * MIN }),
      lead('done', { nextAction: 'none', updatedAt: T0 - MIN }),
      lead('overdue newer', { nextAction: 'callback', nextActionAt: T0 - 5 * MIN }),
      lead('upcoming sooner', { nextAction: 'callback', nextActionAt: T0 + 10 * MIN }),
      lead('fresh newest', { receivedAt: T0 - MIN }),
      lead('overdue oldest', { nextAction: 'callback', nextActionAt: T0 - 60 * MIN }),
      lead('due exactly now', { nextAction: 'callback', nextActionAt: T0 }),
      lead('done earlier', { nextAction: 'none', updatedAt: T0 - 30 * MIN }),
      lead('other folder', {
        stage: 'contact',
        nextAction: 'callback',
        nextActionAt: T0 - 99 * MIN,
      }),
    ];
    for (const r of rows) insertLead(t.core.db, r);
  });
  afterEach(() => t.dispose());

  const expected = [
    'overdue oldest',
    'overdue newer',
    'due exactly now',
    'fresh newest',
    'fresh older',
    'upcoming sooner',
    'upcoming later',
    'done',
    'done earlier',
  ];

  it('puts overdue callbacks first, then "call now", then upcoming callbacks, then the rest', () => {
    const page = queuePage(t.core.db, { stage: 'new', now: T0, limit: 50, cursor: null });
    expect(page.items.map((l) => l.name)).toEqual(expected);
    expect(page.nextCursor).toBeNull();
  });

  it('gives the same order in pages of any size, with nothing lost or repeated', () => {
    for (let size = 1; size <= expected.length; size++) {
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const page: ReturnType<typeof queuePage> = queuePage(t.core.db, {
          stage: 'new',
          now: T0,
          limit: size,
          cursor,
        });
        expect(page.items.length).toBeLessThanOrEqual(size);
        names.push(...page.items.map((l) => l.name));
        cursor = page.nextCursor;
      } while (cursor);
      expect(names, `page size ${size}`).toEqual(expected);
    }
  });

  it('moves a callback to the top once its time has come', () => {
    const later = queuePage(t.core.db, {
      stage: 'new',
      now: T0 + 15 * MIN,
      limit: 4,
      cursor: null,
    });
    expect(later.items.map((l) => l.name)).toEqual([
      'overdue oldest',
      'overdue newer',
      'due exactly now',
      'upcoming sooner',
    ]);
  });

  it('reads each segment through an index, never a full scan with a sort', () => {
    for (const seg of segments) {
      for (const withCursor of [false, true]) {
        const sql = segmentSql(seg, withCursor);
        const params = {
          stage: 'new',
          now: T0,
          limit: 5,
          ...(withCursor ? { key: T0, id: 'a' } : {}),
        };
        const plan = (
          t.core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]
        )
          .map((r) => r.detail)
          .join(' | ');
        expect(plan, sql).toMatch(/USING INDEX leads_queue_/);
        expect(plan, sql).not.toMatch(/TEMP B-TREE/);
      }
    }
  });
});
