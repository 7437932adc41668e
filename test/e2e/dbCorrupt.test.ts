import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core';
import { silentLog } from '../../src/main/core/infra/log';
import { startHost, type Host } from '../../src/main/host/server';
import { launchBrowser } from '../helpers/browser';
import { fakeClock } from '../helpers/fakeClock';
import { fakeTimers } from '../helpers/fakeTimers';
import { RENDERER_DIR } from '../helpers/hostRig';
import { damagedDataDir, damageQuietly, pagesOf } from '../helpers/damagedDb';
import { setTestAgent } from '../helpers/agent';
import { emptyWal } from '../helpers/walPages';
import { tempCore, type TempCore } from '../helpers/tempCore';
import { tempDir } from '../helpers/tempDir';

/** The renderer on a database that failed its integrity check: the message and a restore. */
describe('a damaged database in a real browser', () => {
  const dir = tempDir();
  const dbPath = join(dir.path, 'leadphone.db');
  let core: Core;
  let host: Host;
  let browser: Browser;
  let backupName: string;

  beforeAll(async () => {
    backupName = await damagedDataDir(dir.path);

    const clock = fakeClock(Date.now());
    core = createCore({
      dbPath,
      clock,
      timers: fakeTimers(clock),
      log: silentLog,
      notify: () => {},
    });
    host = await startHost({ core, rendererDir: RENDERER_DIR, log: silentLog });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    core?.close();
    dir.remove();
  });

  it('says the data is damaged and restores the chosen backup at the next start', async () => {
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Dữ liệu bị hỏng' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('khôi phục từ bản sao lưu');
    // No queue behind it, and no "back up now" of a damaged file.
    expect(await page.getByRole('tab', { name: /Data mới/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Sao lưu ngay' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Khôi phục', exact: true }).click();
    await page
      .getByRole('group', { name: 'Khôi phục từ bản sao lưu' })
      .getByRole('button', { name: 'Khôi phục' })
      .click();
    await page.getByText('sẽ được khôi phục khi LeadPhone khởi động lại').waitFor();
    const list = await core.dispatch('backups.list', {});
    expect(list).toMatchObject({ ok: true, value: { restorePending: backupName } });
    await page.close();
  });
});

/** A window open on a healthy database when a read meets a damaged page. */
describe('damage met while a window is open', () => {
  let t: TempCore;
  let host: Host;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    t = tempCore();
    setTestAgent(t.core.db);
    t.clock.set(Date.now());
    for (let i = 1; i <= 300; i++) {
      const r = await t.core.dispatch('leads.add', {
        name: `Khách ${i}`,
        phone: `0912${String(i).padStart(6, '0')}`,
      });
      expect(r.ok).toBe(true);
    }
    expect((await t.core.dispatch('backups.create', {})).ok).toBe(true);
    host = await startHost({ core: t.core, rendererDir: RENDERER_DIR, log: silentLog });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    t?.dispose();
  });

  it('switches to the restore screen without a reload, and offers the backups', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(host.url);
    await page.locator('tbody tr', { hasText: 'Khách 300' }).waitFor();

    // The leads' pages go bad on disk under the running app; size and mtime stay as they were.
    const pages = pagesOf(t.core.db, 'leads');
    await emptyWal(t.core.db);
    damageQuietly(t.dbPath, pages);
    // What SQLite still holds in memory would hide the damage from the next read.
    t.core.db.pragma('shrink_memory');

    // The agent moves to another tab and back: Data mới is read again, from the damaged pages.
    await page.getByRole('tab', { name: /Data contact/ }).click();
    await page.getByRole('tab', { name: /Data mới/ }).click();
    await page.getByRole('heading', { name: 'Dữ liệu bị hỏng' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('khôi phục từ bản sao lưu');
    expect(await page.getByRole('tab', { name: /Data mới/ }).count()).toBe(0);
    const list = await t.core.dispatch('backups.list', {});
    expect(list).toMatchObject({ ok: true, value: { degraded: true } });
    await page.getByRole('button', { name: 'Khôi phục', exact: true }).first().waitFor();
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
