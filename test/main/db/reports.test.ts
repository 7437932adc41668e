import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../../src/renderer/api/client';
import { REACHED_SQL } from '../../../src/main/core/reports/db/reports';
import { reportDays } from '../../../src/shared/reportDays';
import { reachRate } from '../../../src/shared/reportTypes';
import { T0 } from '../../helpers/fakeClock';
import { tempCore, type TempCore } from '../../helpers/tempCore';
import { allowRepeatCalls, seedWork } from '../../helpers/workSeed';
import { clientOf, makeSupervisor } from '../export/exportRig';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DAY0 = T0 - 9 * HOUR;

describe('reports', () => {
  let t: TempCore;
  let client: Client;

  beforeEach(async () => {
    t = tempCore();
    makeSupervisor(t.core.db);
    client = clientOf(t);
    allowRepeatCalls(t.core.db);
    await seedWork(client, t.clock, DAY0);
  });
  afterEach(() => t.dispose());

  const get = () => client.call('reports.get', { from: DAY0 - 2 * DAY, to: DAY0 + DAY });

  it('counts calls, reached calls and talk time per local day', async () => {
    const r = await get();
    expect(r.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(r.days.map((d) => [d.day, d.calls, d.reached, d.talkSeconds])).toEqual([
      ['2026-11-21', 2, 0, 0],
      ['2026-11-22', 2, 2, 150],
      ['2026-11-23', 4, 3, 195],
    ]);
    // Against a direct count of the table, by the documented definition.
    const direct = t.core.db
      .prepare(
        `SELECT COUNT(*) AS calls, SUM(${REACHED_SQL}) AS reached FROM calls c
         LEFT JOIN dispositions d ON d.call_id = c.id LEFT JOIN statuses s ON s.code = d.status_code`,
      )
      .get() as { calls: number; reached: number };
    expect(direct).toEqual({ calls: 8, reached: 5 });
    expect(reachRate(5, 8)).toBe(62.5);
  });

  it('counts callbacks due, done and missed on the day they fell due', async () => {
    const r = await get();
    expect(
      r.days.map((d) => [d.callbacksDue, d.callbacksDone, d.callbacksMissed, d.callbacksUpcoming]),
    ).toEqual([
      [0, 0, 0, 0],
      [1, 0, 1, 0], // Võ Văn Giang's, never called back
      [1, 1, 0, 0], // Đặng Văn Bình's, called at 10:05
    ]);
  });

  it('gives the outcome distribution with the catalogue’s labels', async () => {
    const r = await get();
    expect(r.outcomes.map((o) => [o.code, o.count])).toEqual([
      ['new.not_reachable', 2],
      ['new.not_interested', 1],
      ['new.wrong_number', 1],
      ['new.converted', 2],
      ['contact.closed_paid', 1],
    ]);
    expect(r.outcomes.find((o) => o.code === 'new.converted')).toMatchObject({
      labelVi: 'Convert',
      color: expect.stringMatching(/^#/),
    });
  });

  it('gives conversions: new → contact, contact → order, order value', async () => {
    const r = await get();
    expect(r.conversions).toEqual({
      newLeads: 6,
      newCalled: 6,
      converted: 2,
      contactCalled: 1,
      ordered: 1,
      orders: 2,
      orderValue: 2_400_000,
      paidValue: 1_500_000,
    });
    // A cancelled order stops counting.
    const orders = await client.call('orders.list', {});
    await client.call('orders.update', { id: orders.items[0]!.id, state: 'cancelled' });
    expect((await get()).conversions).toMatchObject({ orders: 1 });
  });

  it('groups by agent: one row for the calls of this install', async () => {
    const r = await get();
    const calls = r.agents.reduce((n, a) => n + a.calls, 0);
    expect(calls).toBe(8);
    expect(r.agents.reduce((n, a) => n + a.reached, 0)).toBe(5);
    expect(r.agents.reduce((n, a) => n + a.orders, 0)).toBe(2);
    expect(r.agents.reduce((n, a) => n + a.orderValue, 0)).toBe(2_400_000);
  });

  it('keeps only the range asked for, and refuses an empty or reversed one', async () => {
    const day0 = await client.call('reports.get', { from: DAY0, to: DAY0 + DAY });
    expect(day0.days).toHaveLength(1);
    expect(day0.days[0]).toMatchObject({ day: '2026-11-23', calls: 4 });
    expect(day0.conversions.newLeads).toBe(2);
    const bad = await t.core.dispatch('reports.get', { from: DAY0, to: DAY0 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('cuts days at local midnight, across a daylight-saving change too', () => {
    const days = reportDays(DAY0 - DAY, DAY0 + DAY, 'Asia/Ho_Chi_Minh');
    expect(days.map((d) => d.day)).toEqual(['2026-11-22', '2026-11-23']);
    expect(days[1]!.start).toBe(DAY0);
    // Paris, 29 March 2026: a 23-hour day.
    const paris = reportDays(Date.UTC(2026, 2, 28, 23), Date.UTC(2026, 2, 30, 22), 'Europe/Paris');
    expect(paris.map((d) => [d.day, (d.end - d.start) / HOUR])).toEqual([
      ['2026-03-29', 23],
      ['2026-03-30', 24],
    ]);
  });
});
