import { describe, expect, it } from 'vitest';
import { useHostPage } from '../helpers/hostPage';

describe('the lead queue in a real browser', () => {
  const ctx = useHostPage();

  const leadCount = () =>
    (ctx.rig.core.db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n;

  it('adds a lead through the form, shows it in Data mới with "Gọi ngay bây giờ", and keeps it after a reload', async () => {
    await ctx.page.goto(ctx.rig.host.url);
    await ctx.page.getByRole('heading', { name: 'Chưa có data nào' }).waitFor();
    await ctx.page.keyboard.press('n');
    await ctx.page.getByLabel('Họ tên').fill('Nguyễn Thị Bích');
    await ctx.page.getByLabel('Số điện thoại').fill('0912.345.678');
    await ctx.page.getByLabel('Nguồn / chiến dịch').fill('Facebook Ads');
    await ctx.page.getByRole('button', { name: 'Lưu' }).click();

    const row = ctx.page.locator('tbody tr', { hasText: 'Nguyễn Thị Bích' });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain('0912 345 678');
    expect(await row.innerText()).toContain('Gọi ngay bây giờ');
    expect(await row.innerText()).toContain('Facebook Ads');
    expect(await ctx.page.getByRole('tab', { name: /Data mới/ }).innerText()).toContain('1');
    expect(
      await ctx.page.getByRole('tab', { name: /Data mới/ }).getAttribute('aria-selected'),
    ).toBe('true');

    await ctx.page.reload();
    await ctx.page.locator('tbody tr', { hasText: 'Nguyễn Thị Bích' }).waitFor();
    expect(await ctx.page.locator('tbody tr').count()).toBe(1);
    expect(leadCount()).toBe(1);
  });

  it('shows why an invalid phone is refused, in Vietnamese and in English, and writes nothing', async () => {
    await ctx.page.goto(ctx.rig.host.url);
    await ctx.page
      .getByRole('button', { name: /Thêm data/ })
      .first()
      .click();
    await ctx.page.getByLabel('Họ tên').fill('Trần Văn C');
    await ctx.page.getByLabel('Số điện thoại').fill('0123 45');
    await ctx.page.getByRole('button', { name: 'Lưu' }).click();
    await ctx.page.getByText('Số điện thoại không hợp lệ', { exact: false }).waitFor();
    expect(await ctx.page.getByLabel('Số điện thoại').getAttribute('aria-invalid')).toBe('true');

    await ctx.page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en');
    await ctx.page.getByText('This phone number is not valid', { exact: false }).waitFor();
    await ctx.page.getByRole('button', { name: 'Save' }).click();
    await ctx.page.getByText('This phone number is not valid', { exact: false }).waitFor();
    expect(leadCount()).toBe(0);
  });

  it('refuses the page without the token', async () => {
    const res = await ctx.page.goto(ctx.rig.host.url.replace(/\?token=.*/, ''));
    expect(res?.status()).toBe(403);
  });
});
