import { describe, expect, it } from 'vitest';
import type { Lead } from '../../src/shared/domain';
import { useHostPage } from '../helpers/hostPage';

describe('callback reminders in a real browser', () => {
  const ctx = useHostPage();

  async function leadWithCallback(name: string, phone: string, inMs: number): Promise<Lead> {
    const added = (await ctx.rig.core.dispatch('leads.add', { name, phone })) as {
      ok: true;
      value: Lead;
    };
    await ctx.rig.core.dispatch('dispositions.save', {
      leadId: added.value.id,
      statusCode: 'new.not_reachable',
      callbackAt: ctx.rig.clock.now() + inMs,
      consentOutsideHours: true,
      note: 'Khách hẹn gọi lại sau',
    });
    return added.value;
  }

  it('shows the banner when a callback one minute ahead falls due, and "Gọi ngay" opens that lead', async () => {
    await leadWithCallback('Khách Chín', '0912000009', 60_000);
    await leadWithCallback('Khách Mười', '0912000010', 3 * 3_600_000);
    await ctx.page.goto(ctx.rig.host.url);
    await ctx.page.getByRole('tab', { name: /Data mới/ }).waitFor();
    expect(await ctx.page.locator('.reminder').count()).toBe(0);

    ctx.rig.timers.advance(60_000); // the callback's minute comes
    const banner = ctx.page.locator('.reminder', { hasText: 'Khách Chín' });
    await banner.waitFor();
    expect(await banner.innerText()).toContain('0912 000 009');
    expect(await banner.innerText()).toContain('Khách hẹn gọi lại sau');
    await expect.poll(() => ctx.page.title()).toBe('LeadPhone — 1 gọi lại quá hạn');
    // The overdue lead is at the top of its tab.
    await expect
      .poll(() => ctx.page.locator('tbody tr').first().innerText())
      .toContain('Khách Chín');

    await banner.getByRole('button', { name: 'Gọi ngay' }).click();
    await ctx.page
      .getByRole('complementary', { name: 'Chi tiết data' })
      .getByRole('heading', { name: 'Khách Chín' })
      .waitFor();
    expect(await ctx.page.locator('.reminder').count()).toBe(0);
  });

  it('snoozes from the banner: it goes, and comes back five minutes later', async () => {
    const lead = await leadWithCallback('Khách Một Một', '0912000011', 60_000);
    await ctx.page.goto(ctx.rig.host.url);
    await ctx.page.getByRole('tab', { name: /Data mới/ }).waitFor();
    ctx.rig.timers.advance(60_000);
    const banner = ctx.page.locator('.reminder', { hasText: 'Khách Một Một' });
    await banner.getByRole('button', { name: 'Hoãn 5 phút' }).click();
    await expect.poll(() => ctx.page.locator('.reminder').count()).toBe(0);
    const due = ctx.rig.core.db
      .prepare("SELECT due_at FROM reminders WHERE lead_id = ? AND state = 'pending'")
      .pluck()
      .get(lead.id) as number;
    expect(due).toBe(ctx.rig.clock.now() + 5 * 60_000);
    ctx.rig.timers.advance(5 * 60_000);
    await banner.waitFor();
  });

  it('shows a callback that fell due before the page was opened, until the agent acts on it', async () => {
    await leadWithCallback('Khách Mười Hai', '0912000012', 60_000);
    ctx.rig.timers.advance(60_000); // it fires with no window connected
    expect(ctx.rig.notifications).toHaveLength(1);

    await ctx.page.goto(ctx.rig.host.url);
    const banner = ctx.page.locator('.reminder', { hasText: 'Khách Mười Hai' });
    await banner.waitFor();
    expect(await banner.innerText()).toContain('Khách hẹn gọi lại sau');
    // Not the "missed while the app was closed" list: the app was running.
    expect(await ctx.page.locator('.reminders__missed').count()).toBe(0);

    await banner.getByRole('button', { name: 'Mở' }).click();
    await expect.poll(() => ctx.page.locator('.reminder').count()).toBe(0);
    await expect
      .poll(() =>
        ctx.rig.core.db
          .prepare('SELECT acknowledged_at IS NOT NULL FROM reminders WHERE fired_at IS NOT NULL')
          .pluck()
          .get(),
      )
      .toBe(1);
    await ctx.page.reload();
    await ctx.page.getByRole('tab', { name: /Data mới/ }).waitFor();
    await expect
      .poll(() => ctx.page.locator('tbody tr').first().innerText())
      .toContain('Khách Mười Hai');
    expect(await ctx.page.locator('.reminder').count()).toBe(0);
  });
});
