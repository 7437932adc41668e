import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { silentLog } from '../../src/main/core/log';
import { launchBrowser } from '../helpers/browser';
import { hostRig } from '../helpers/hostRig';
import { tempDir } from '../helpers/tempDir';

// The first-start agent dialog and the "Đồng bộ" section, in the built renderer.

describe('agent profile and sync in a real browser', () => {
  let browser: Browser | undefined;
  let rig: Awaited<ReturnType<typeof hostRig>> | undefined;
  let dir: ReturnType<typeof tempDir> | undefined;

  afterEach(async () => {
    await browser?.close();
    await rig?.stop();
    dir?.remove();
    browser = rig = dir = undefined;
  });

  it('asks who the agent is at first start, in Vietnamese, and checks the code', async () => {
    rig = await hostRig({ agent: false });
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(rig.host.url);
    const dialog = page.getByRole('dialog', { name: 'Chào mừng đến với LeadPhone' });
    await dialog.waitFor();
    await dialog.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
    await dialog.getByLabel('Mã nhân viên').fill('Mã 01');
    await dialog.getByRole('button', { name: 'Bắt đầu' }).click();
    await dialog
      .getByText('Mã nhân viên chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.')
      .waitFor();
    await dialog.getByLabel('Mã nhân viên').fill('NV01');
    await dialog.getByRole('button', { name: 'Bắt đầu' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await rig.core.dispatch('agent.get', {})).toMatchObject({
      ok: true,
      value: { agent: { name: 'Nguyễn Thị Hoa', code: 'NV01' } },
    });
    // Not asked again.
    await page.reload();
    await page.getByRole('tab', { name: /Data mới/ }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('exports the agent’s work, refuses a foreign file, shows what a bundle added', async () => {
    dir = tempDir('leadphone-e2e-sync-');
    // An agent's bundle made by another install, handed over as a file.
    const agent = createCore({ dbPath: join(dir.path, 'a', 'leadphone.db'), log: silentLog });
    await agent.handlers['agent.set']({ name: 'Lê Văn Minh', code: 'B01' });
    for (const [name, phone] of [
      ['Trần Thị Lụa', '0917000001'],
      ['Đoàn Văn Sơn', '0917000002'],
    ]) {
      await agent.handlers['leads.add']({ name: name!, phone: phone!, source: '', note: '' });
    }
    const made = await agent.handlers['sync.exportBundle']({ since: 'all', fileName: 'b01' });
    agent.close();
    const bundle = join(dir.path, 'b01.lpbundle');
    copyFileSync(made.path, bundle);
    const csv = join(dir.path, 'danh-sach.csv');
    writeFileSync(csv, 'Họ tên,Số điện thoại\nNguyễn Văn An,0912345678\n');

    rig = await hostRig({ role: 'supervisor' });
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(rig.host.url);
    await page.getByRole('button', { name: 'Quản trị' }).click();
    const sync = page.getByRole('region', { name: 'Đồng bộ' });
    await sync.waitFor();
    const bundles = join(rig.dir, 'bundles');

    // A name that is a path is refused; nothing is written anywhere.
    const name = sync.getByLabel('Tên tệp (không bắt buộc)').first();
    await name.fill('../thoat-ra');
    await sync.getByRole('button', { name: 'Tạo tệp', exact: true }).click();
    await sync.getByRole('alert').filter({ hasText: 'Tên tệp không hợp lệ.' }).waitFor();
    expect(existsSync(join(rig.dir, '..', 'thoat-ra.lpbundle'))).toBe(false);
    // Without a name, main makes one in its bundles folder and says where.
    await name.fill('');
    await sync.getByRole('button', { name: 'Tạo tệp', exact: true }).click();
    const done = sync.getByRole('status').filter({ hasText: `trong thư mục ${bundles}` });
    await done.waitFor();
    const written = readdirSync(bundles);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^TEST01-\d{8}-\d{4}-work\.lpbundle$/);
    expect(await done.innerText()).toContain(`Đã tạo tệp ${written[0]} trong thư mục ${bundles}.`);

    const files = sync.getByLabel('Các tệp cần nhập (.lpbundle, chọn được nhiều tệp)');
    const importButton = sync.getByRole('button', { name: 'Nhập', exact: true });
    await files.setInputFiles(csv);
    await importButton.click();
    await sync
      .getByRole('alert')
      .filter({ hasText: 'danh-sach.csv: Đây không phải tệp đồng bộ LeadPhone.' })
      .waitFor();

    await files.setInputFiles(bundle);
    await importButton.click();
    const row = sync.getByRole('table', { name: 'Kết quả nhập' }).getByRole('row').nth(1);
    await row.waitFor();
    expect(await row.innerText()).toContain('b01.lpbundle');
    expect(await row.innerText()).toContain('Lê Văn Minh (B01)');
    expect(await row.innerText()).toContain('+2 / ↻0');
    const names = rig.core.db.prepare('SELECT name FROM leads ORDER BY name').pluck().all();
    expect(names).toEqual(['Trần Thị Lụa', 'Đoàn Văn Sơn'].sort());
    // The uploads are gone once imported or refused.
    expect(existsSync(join(rig.dir, 'imports'))).toBe(false);
  });
});
