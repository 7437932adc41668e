import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../src/main/core/infra/log';
import { startHost, type Host } from '../../src/main/host/server';
import { setTestAgent } from '../helpers/agent';
import { launchBrowser } from '../helpers/browser';
import { RENDERER_DIR } from '../helpers/hostRig';
import { mountSmallDisk, type SmallDisk } from '../helpers/smallDisk';
import { emptyWal } from '../helpers/walPages';
import { tempCore, type TempCore } from '../helpers/tempCore';

/** The renderer while the data folder's disk (a small tmpfs here) fills up and frees again. */
describe('a full disk in a real browser', () => {
  let disk: SmallDisk;
  let t: TempCore;
  let host: Host;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    disk = mountSmallDisk(64);
    t = tempCore({ dir: disk.path });
    setTestAgent(t.core.db);
    t.clock.set(Date.now());
    for (const [name, phone] of [
      ['Nguyễn Văn An', '0912000001'],
      ['Trần Thị Bình', '0912000002'],
    ]) {
      const r = await t.core.dispatch('leads.add', { name, phone });
      expect(r.ok).toBe(true);
    }
    host = await startHost({ core: t.core, rendererDir: RENDERER_DIR, log: silentLog });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    t?.core.close();
    disk?.remove();
  });

  /** Fills the disk so that the next save must grow the WAL and cannot. */
  const fillDisk = async () => {
    await emptyWal(t.core.db);
    disk.fill();
  };
  const words = {
    vi: { name: 'Họ tên', phone: 'Số điện thoại', save: 'Lưu' },
    en: { name: 'Name', phone: 'Phone number', save: 'Save' },
  };
  const addLead = async (name: string, phone: string, lang: 'vi' | 'en') => {
    await page.getByLabel(words[lang].name, { exact: true }).fill(name);
    await page.getByLabel(words[lang].phone, { exact: true }).fill(phone);
    await page.getByRole('button', { name: words[lang].save, exact: true }).click();
  };
  const banner = () => page.locator('.disk-full[role="alert"]');

  it('says so in a banner that stays until space returns, keeps the queue readable, and saves again after', async () => {
    await page.goto(host.url);
    await page.locator('tbody tr', { hasText: 'Nguyễn Văn An' }).waitFor();

    await fillDisk();
    await page
      .getByRole('button', { name: /Thêm data/ })
      .first()
      .click();
    await addLead('Lê Văn Cường', '0912000003', 'vi');
    await page.getByText('Ổ đĩa đã đầy nên chưa lưu được').waitFor();
    await banner().waitFor();
    expect(await banner().innerText()).toContain('Ổ đĩa đã đầy');
    expect(await banner().innerText()).toContain('chế độ chỉ đọc');

    // Read-only, not stopped: another tab and back, the leads are there, the banner too.
    await page.getByRole('tab', { name: /Data contact/ }).click();
    await page.getByRole('tab', { name: /Data mới/ }).click();
    await page.locator('tbody tr', { hasText: 'Trần Thị Bình' }).waitFor();
    expect(await banner().isVisible()).toBe(true);

    // Space comes back: within the minute, with nobody pressing anything.
    disk.free();
    t.timers.advance(60_000);
    await banner().waitFor({ state: 'detached' });
    await page.getByText('Ổ đĩa đã có chỗ trống').waitFor();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.locator('tbody tr', { hasText: 'Lê Văn Cường' }).waitFor();

    // The same in English.
    expect((await t.core.dispatch('settings.update', { language: 'en' })).ok).toBe(true);
    await page
      .getByRole('button', { name: /Add lead/ })
      .first()
      .waitFor();
    await fillDisk();
    await page
      .getByRole('button', { name: /Add lead/ })
      .first()
      .click();
    await addLead('Phạm Thị Dung', '0912000004', 'en');
    await page.getByText('The disk is full, so this was not saved.').waitFor();
    expect(await banner().innerText()).toContain('LeadPhone is read-only');
    disk.free();
    t.timers.advance(60_000);
    await page.getByText('The disk has room again').waitFor();
    expect(await banner().count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
