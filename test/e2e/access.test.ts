import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { hostRig } from '../helpers/hostRig';
import { TEST_PIN } from '../helpers/access';
import { writeMaskNumbers } from '../../src/main/core/access/db/access';

describe('roles, the admin PIN and number masking in a real browser', () => {
  let browser: Browser;
  let rig: Awaited<ReturnType<typeof hostRig>> | undefined;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });
  afterEach(async () => {
    await page.close();
    await rig?.stop();
    expect(pageErrors, 'errors thrown in the page').toEqual([]);
  });
  const open = async (role: NonNullable<Parameters<typeof hostRig>[0]>['role']) => {
    rig = await hostRig({ role });
    page = await browser.newPage();
    pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(rig.host.url);
  };

  it('asks for an admin PIN at first start and stores only its hash', async () => {
    await open('fresh');
    const dialog = page.getByRole('dialog', { name: 'Tạo mã PIN quản trị' });
    await dialog.waitFor();
    await dialog.getByLabel('Mã PIN (4–12 chữ số)').fill('4711');
    await dialog.getByLabel('Nhập lại mã PIN').fill('4712');
    await dialog.getByRole('button', { name: 'Tạo mã PIN' }).click();
    await dialog.getByText('Hai mã PIN không giống nhau.').waitFor();
    await dialog.getByLabel('Nhập lại mã PIN').fill('4711');
    await dialog.getByRole('button', { name: 'Tạo mã PIN' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = rig!.core.db.prepare('SELECT pin_hash, pin_algorithm FROM access').get() as {
      pin_hash: Buffer;
      pin_algorithm: string;
    };
    expect(row.pin_algorithm).toBe('scrypt');
    expect(row.pin_hash.length).toBe(32);
  });

  it('asks an agent for the PIN on the admin screen, refuses a wrong one, and locks again', async () => {
    await open('agent');
    await page.getByRole('button', { name: 'Quản trị' }).click();
    // The agent's own settings stay open; set-up is behind the PIN.
    await page.getByText('Phần này dành cho quản trị viên.').waitFor();
    expect(await page.getByRole('heading', { name: 'Sản phẩm / liệu trình' }).count()).toBe(0);
    await page.getByRole('heading', { name: 'Thông tin chẩn đoán' }).waitFor();

    const pin = page.getByLabel('Nhập mã PIN quản trị để mở khoá');
    for (let i = 0; i < 3; i++) {
      await pin.fill('0000');
      await page.getByRole('button', { name: 'Mở khoá' }).click();
      await page.getByRole('alert').filter({ hasText: 'Mã PIN không đúng.' }).waitFor();
    }
    await pin.fill('0000');
    await page.getByRole('button', { name: 'Mở khoá' }).click();
    await page.getByText('Hãy đợi 1 giây rồi thử lại.').waitFor();
    // The wait is on the core's clock: move it on rather than sleeping.
    rig!.clock.advance(1_000);
    await pin.fill(TEST_PIN);
    await page.getByRole('button', { name: 'Mở khoá' }).click();
    await page.getByRole('heading', { name: 'Sản phẩm / liệu trình' }).waitFor();
    await page.getByRole('heading', { name: 'Bảo mật và phân quyền' }).waitFor();

    await page.getByRole('button', { name: 'Khoá lại phần quản trị' }).click();
    await page.getByText('Phần này dành cho quản trị viên.').waitFor();
  });

  it('shows an agent full numbers, then masked ones once the admin turns masking on', async () => {
    await open('agent');
    await rig!.core.dispatch('leads.add', { name: 'Chị Hoa', phone: '0912345678' });
    const row = page.locator('tbody tr', { hasText: 'Chị Hoa' });
    await expect.poll(() => row.innerText()).toContain('0912 345 678');

    await page.getByRole('button', { name: 'Quản trị' }).click();
    await page.getByLabel('Nhập mã PIN quản trị để mở khoá').fill(TEST_PIN);
    await page.getByRole('button', { name: 'Mở khoá' }).click();
    await page.getByLabel('Ẩn số điện thoại với nhân viên kinh doanh (0912 *** 678)').check();
    // Leaving the admin screen locks this window again: it is an agent's view from here on.
    await page.getByRole('button', { name: 'Về danh sách' }).click();
    await expect.poll(() => row.innerText()).toContain('0912 *** 678');
    expect(await page.content()).not.toContain('345 678');
    expect(await page.content()).not.toContain('912345678');
  });

  it('a masked agent finds a lead by the digits shown, and is told why hidden ones find nothing', async () => {
    await open('agent');
    await rig!.core.dispatch('leads.add', { name: 'Chị Hoa', phone: '0912345678' });
    writeMaskNumbers(rig!.core.db, true);
    await page.reload();
    const box = page.getByRole('searchbox', { name: 'Tìm data' });
    await box.fill('2345');
    await page.getByText('Không tìm thấy “2345”.').waitFor();
    await page
      .getByText('Số điện thoại đang được ẩn: chỉ tìm được theo 4 số đầu, 3 số cuối hoặc cả số.')
      .waitFor();
    await box.fill('0912345678');
    const hit = page.locator('.search-results tbody tr');
    await expect.poll(() => hit.count()).toBe(1);
    expect(await hit.innerText()).toContain('0912 *** 678');
    expect(await page.content()).not.toContain('345 678');
    expect(await page.content()).not.toContain('Số điện thoại đang được ẩn');
  });

  it('masks the lead open on screen when an admin elsewhere turns masking on', async () => {
    await open('agent');
    const added = await rig!.core.dispatch('leads.add', { name: 'Anh Tùng', phone: '0987654321' });
    const id = (added as { value: { id: string } }).value.id;
    await rig!.core.dispatch('leads.update', { id, phone2: '0912 000 111' });
    await page.locator('tbody tr', { hasText: 'Anh Tùng' }).dblclick();
    const drawer = page.getByRole('complementary', { name: 'Chi tiết data' });
    await expect.poll(() => drawer.innerText()).toContain('0987 654 321');

    // Another connection (an admin's window) unlocks and switches masking on.
    const admin = rig!.core.openSession();
    expect(await admin.dispatch('auth.unlock', { pin: TEST_PIN })).toMatchObject({ ok: true });
    expect(await admin.dispatch('auth.setMasking', { maskNumbers: true })).toMatchObject({
      ok: true,
    });
    await expect.poll(() => drawer.innerText()).toContain('0987 *** 321');
    await expect
      .poll(() => drawer.getByLabel('Số điện thoại phụ').inputValue())
      .toBe('0912 *** 111');
    expect(await page.content()).not.toContain('654 321');
    expect(await page.content()).not.toContain('987654321');

    // The agent can still save the contact form: the masked second number is not sent back.
    await drawer.getByLabel('Địa chỉ').fill('12 Lê Lợi');
    await drawer.getByRole('button', { name: 'Lưu thông tin' }).click();
    const stored = () =>
      rig!.core.db.prepare('SELECT address, phone2_e164 FROM leads WHERE id = ?').get(id);
    await expect.poll(stored).toEqual({ address: '12 Lê Lợi', phone2_e164: '+84912000111' });
  });
});
