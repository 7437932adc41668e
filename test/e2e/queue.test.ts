import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { hostRig } from '../helpers/hostRig';

describe('the lead queue in a real browser', () => {
  let browser: Browser;
  let rig: Awaited<ReturnType<typeof hostRig>>;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    rig = await hostRig();
    page = await browser.newPage();
    pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });
  afterEach(async () => {
    await page.close();
    await rig.stop();
    expect(pageErrors, 'errors thrown in the page').toEqual([]);
  });

  const leadCount = () =>
    (rig.core.db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n;

  it('adds a lead through the form, shows it in Data mới with "Gọi ngay bây giờ", and keeps it after a reload', async () => {
    await page.goto(rig.host.url);
    await page.getByRole('heading', { name: 'Chưa có data nào' }).waitFor();
    await page.keyboard.press('n');
    await page.getByLabel('Họ tên').fill('Nguyễn Thị Bích');
    await page.getByLabel('Số điện thoại').fill('0912.345.678');
    await page.getByLabel('Nguồn / chiến dịch').fill('Facebook Ads');
    await page.getByRole('button', { name: 'Lưu' }).click();

    const row = page.locator('tbody tr', { hasText: 'Nguyễn Thị Bích' });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain('0912 345 678');
    expect(await row.innerText()).toContain('Gọi ngay bây giờ');
    expect(await row.innerText()).toContain('Facebook Ads');
    expect(await page.getByRole('tab', { name: /Data mới/ }).innerText()).toContain('1');
    expect(await page.getByRole('tab', { name: /Data mới/ }).getAttribute('aria-selected')).toBe(
      'true',
    );

    await page.reload();
    await page.locator('tbody tr', { hasText: 'Nguyễn Thị Bích' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(leadCount()).toBe(1);
  });

  it('shows why an invalid phone is refused, in Vietnamese and in English, and writes nothing', async () => {
    await page.goto(rig.host.url);
    await page
      .getByRole('button', { name: /Thêm data/ })
      .first()
      .click();
    await page.getByLabel('Họ tên').fill('Trần Văn C');
    await page.getByLabel('Số điện thoại').fill('0123 45');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Số điện thoại không hợp lệ', { exact: false }).waitFor();
    expect(await page.getByLabel('Số điện thoại').getAttribute('aria-invalid')).toBe('true');

    await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en');
    await page.getByText('This phone number is not valid', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('This phone number is not valid', { exact: false }).waitFor();
    expect(leadCount()).toBe(0);
  });

  it('refuses the page without the token', async () => {
    const res = await page.goto(rig.host.url.replace(/\?token=.*/, ''));
    expect(res?.status()).toBe(403);
  });
});
