import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReminderView } from '../../src/shared/reminders';
import { fakeClock } from '../helpers/fakeClock';
import { tempCore, type TempCore } from '../helpers/tempCore';
import { tempDir } from '../helpers/tempDir';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('the reminder scheduler (fake clock, real SQLite file)', () => {
  let t: TempCore;
  let fired: { id: string; leadId: string; at: number; dueAt: number }[];

  const listen = (core: TempCore) =>
    core.core.onEvent((event, payload) => {
      if (event === 'reminder.due') {
        const r = payload as ReminderView;
        fired.push({ id: r.id, leadId: r.leadId, at: core.clock.now(), dueAt: r.dueAt });
      }
    });

  async function leadWithCallback(core: TempCore, phone: string, inMs: number) {
    const added = await core.core.dispatch('leads.add', { name: `Khách ${phone}`, phone });
    if (!added.ok) throw new Error(added.error.message);
    const id = (added.value as { id: string }).id;
    const saved = await core.core.dispatch('dispositions.save', {
      leadId: id,
      statusCode: 'new.not_reachable',
      callbackAt: core.clock.now() + inMs,
      consentOutsideHours: true,
      note: 'máy bận',
    });
    if (!saved.ok) throw new Error(saved.error.message);
    return id;
  }

  beforeEach(() => {
    fired = [];
    t = tempCore();
    listen(t);
  });
  afterEach(() => t.dispose());

  it('fires a reminder within 1 s of its time, once, with an OS notification', async () => {
    const lead = await leadWithCallback(t, '0912000001', 10 * MIN);
    t.timers.advance(10 * MIN - 1000);
    expect(fired).toEqual([]);
    t.timers.advance(1000);
    expect(fired).toHaveLength(1);
    expect(fired[0]!.leadId).toBe(lead);
    expect(fired[0]!.at - fired[0]!.dueAt).toBeLessThanOrEqual(1000);
    expect(t.notifications).toEqual([
      { title: 'Gọi lại: Khách 0912000001', body: '0912 000 001 — máy bận', leadId: lead },
    ]);
    t.timers.advance(2 * HOUR);
    expect(fired).toHaveLength(1);
  });

  it('fires two reminders due in the same minute, each once', async () => {
    const a = await leadWithCallback(t, '0912000001', 5 * MIN);
    const b = await leadWithCallback(t, '0912000002', 5 * MIN + 20_000);
    t.timers.advance(6 * MIN);
    expect(fired.map((f) => f.leadId).sort()).toEqual([a, b].sort());
    for (const f of fired) expect(f.at - f.dueAt).toBeLessThanOrEqual(1000);
    t.timers.advance(HOUR);
    expect(fired).toHaveLength(2);
  });

  it('leaves a callback that came due meanwhile to its timer: a save does not wait for it', async () => {
    const due = await leadWithCallback(t, '0912000001', 10 * MIN);
    // The clock moves past the callback but its timer has not run yet (the app was busy).
    t.clock.advance(11 * MIN);
    await leadWithCallback(t, '0912000002', HOUR);
    expect(fired).toEqual([]);
    t.timers.advance(0);
    expect(fired.map((f) => f.leadId)).toEqual([due]);
  });

  it('fires a reminder rescheduled before its time only at the new time', async () => {
    const lead = await leadWithCallback(t, '0912000001', 10 * MIN);
    t.timers.advance(5 * MIN);
    await t.core.dispatch('dispositions.save', {
      leadId: lead,
      statusCode: 'new.not_reachable',
      callbackAt: t.clock.now() + 30 * MIN,
      consentOutsideHours: true,
    });
    t.timers.advance(10 * MIN);
    expect(fired).toEqual([]);
    t.timers.advance(20 * MIN);
    expect(fired).toHaveLength(1);
    expect(fired[0]!.dueAt).toBe(fired[0]!.at);
    const states = t.core.db
      .prepare('SELECT state FROM reminders WHERE lead_id = ? ORDER BY created_at')
      .pluck()
      .all(lead);
    expect(states).toEqual(['cancelled', 'pending']);
  });

  it('snoozes: the reminder fires again after the snooze, and the lead follows', async () => {
    const lead = await leadWithCallback(t, '0912000001', MIN);
    t.timers.advance(MIN);
    expect(fired).toHaveLength(1);
    const snoozed = await t.core.dispatch('reminders.snooze', { id: fired[0]!.id, minutes: 5 });
    expect(snoozed).toMatchObject({
      ok: true,
      value: { dueAt: t.clock.now() + 5 * MIN, firedAt: null },
    });
    const leadNow = await t.core.dispatch('leads.get', { id: lead });
    expect(leadNow).toMatchObject({ ok: true, value: { nextActionAt: t.clock.now() + 5 * MIN } });
    t.timers.advance(5 * MIN - 1);
    expect(fired).toHaveLength(1);
    t.timers.advance(1);
    expect(fired).toHaveLength(2);
    expect(fired[1]!.id).toBe(fired[0]!.id);
  });

  it('arms one timer only, even for a callback months away, and fires it on time', async () => {
    await leadWithCallback(t, '0912000001', 90 * 24 * HOUR);
    await leadWithCallback(t, '0912000002', 60 * 24 * HOUR);
    expect(t.timers.pendingTimers()).toBe(1);
    t.timers.advance(60 * 24 * HOUR);
    expect(fired).toHaveLength(1);
    t.timers.advance(30 * 24 * HOUR);
    expect(fired).toHaveLength(2);
    expect(fired.every((f) => f.at === f.dueAt)).toBe(true);
    // 90 days of minute re-syncs run here (about 130,000 of them): work, not a timing target.
  }, 30_000);

  it('lists today’s and overdue callbacks with counts, and marks a called-back one done', async () => {
    const a = await leadWithCallback(t, '0912000001', 10 * MIN);
    await leadWithCallback(t, '0912000002', 2 * HOUR);
    await leadWithCallback(t, '0912000003', 3 * 24 * HOUR);
    t.timers.advance(15 * MIN);
    const list = await t.core.dispatch('reminders.list', {});
    expect(list).toMatchObject({ ok: true, value: { overdue: 1, today: 2 } });
    expect((list as { value: { items: ReminderView[] } }).value.items.map((r) => r.leadId)[0]).toBe(
      a,
    );
    await t.core.dispatch('calls.start', {
      leadId: a,
      direction: 'outbound',
      number: '0912000001',
    });
    expect(await t.core.dispatch('reminders.list', {})).toMatchObject({
      ok: true,
      value: { overdue: 0, today: 1 },
    });
  });
});

describe('reminders across a restart', () => {
  it('reports those missed while closed, once, then fires the next on time — nothing lost, nothing twice', async () => {
    const dir = tempDir();
    const clock = fakeClock();
    const first = tempCore({ dir: dir.path, clock });
    const ids: string[] = [];
    for (const [i, inMs] of [10 * MIN, 20 * MIN, 90 * MIN].entries()) {
      const added = await first.core.dispatch('leads.add', {
        name: `Khách ${i}`,
        phone: `091200000${i}`,
      });
      const id = (added as { ok: true; value: { id: string } }).value.id;
      ids.push(id);
      await first.core.dispatch('dispositions.save', {
        leadId: id,
        statusCode: 'new.not_reachable',
        callbackAt: clock.now() + inMs,
        consentOutsideHours: true,
      });
    }
    first.core.close();

    clock.advance(30 * MIN); // the app is closed while two fall due
    const second = tempCore({ dir: dir.path, clock });
    const fired: string[] = [];
    second.core.onEvent((event, payload) => {
      if (event === 'reminder.due') fired.push((payload as ReminderView).leadId);
    });
    const missed = await second.core.dispatch('reminders.missed', {});
    const missedViews = (missed as { ok: true; value: ReminderView[] }).value;
    expect(missedViews.map((r) => r.leadId)).toEqual([ids[0], ids[1]]);
    expect(missedViews.every((r) => r.missed)).toBe(true);
    expect(second.notifications.map((n) => n.title)).toEqual(['2 cuộc gọi lại bị lỡ']);

    await second.core.dispatch('reminders.ackMissed', { ids: missedViews.map((r) => r.id) });
    expect(await second.core.dispatch('reminders.missed', {})).toEqual({ ok: true, value: [] });

    second.timers.advance(60 * MIN - 1);
    expect(fired).toEqual([]);
    second.timers.advance(1);
    expect(fired).toEqual([ids[2]]);
    second.timers.advance(5 * HOUR);
    expect(fired).toEqual([ids[2]]);
    second.core.close();

    // A third start: nothing is missed again.
    const third = tempCore({ dir: dir.path, clock });
    expect(await third.core.dispatch('reminders.missed', {})).toEqual({ ok: true, value: [] });
    expect(third.notifications).toEqual([]);
    third.dispose();
    dir.remove();
  });
});
