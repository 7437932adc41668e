import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/core';
import { silentLog } from '../../src/main/core/log';
import { startHost, type Host } from '../../src/main/host/server';
import { launchBrowser } from '../helpers/browser';
import { fakeClock } from '../helpers/fakeClock';
import { fakeTimers } from '../helpers/fakeTimers';
import { RENDERER_DIR } from '../helpers/hostRig';
import { damagedDataDir } from '../helpers/damagedDb';
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
