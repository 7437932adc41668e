import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core';
import { silentLog } from '../../src/main/core/infra/log';
import { TEST_PIN } from '../helpers/access';
import { launchBrowser } from '../helpers/browser';
import { hostRig } from '../helpers/hostRig';
import { tempDir } from '../helpers/tempDir';
import { edit } from '../helpers/bundleEdit';

// The first-start agent dialog and the "Đồng bộ" section, in the built renderer.

describe('agent profile and sync in a real browser', () => {
  let browser: Browser | undefined;
  let rig: Awaited<ReturnType<typeof hostRig>> | undefined;
  let other: Awaited<ReturnType<typeof hostRig>> | undefined;
  let dir: ReturnType<typeof tempDir> | undefined;

  afterEach(async () => {
    await browser?.close();
    await rig?.stop();
    await other?.stop();
    dir?.remove();
    browser = rig = other = dir = undefined;
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
    expect(await row.innerText()).toContain('+2 mới / 0 cập nhật');
    const names = rig.core.db.prepare('SELECT name FROM leads ORDER BY name').pluck().all();
    expect(names).toEqual(['Trần Thị Lụa', 'Đoàn Văn Sơn'].sort());
    // The uploads are gone once imported or refused.
    expect(existsSync(join(rig.dir, 'imports'))).toBe(false);
  });

  it('signs a lead list at the supervisor’s; the agent’s desk takes it once an admin trusted the key', async () => {
    dir = tempDir('leadphone-e2e-sign-');
    browser = await launchBrowser();

    // --- the supervisor's desk: the key's fingerprint, and a lead list signed with it
    other = await hostRig({ role: 'supervisor' });
    await other.core.dispatch('agent.set', { name: 'Trần Thị Giám Sát', code: 'GS01' });
    for (const [name, phone] of [
      ['Trần Thị Lụa', '0917100001'],
      ['Đoàn Văn Sơn', '0917100002'],
    ]) {
      await other.core.dispatch('leads.add', { name, phone, source: 'Zalo' });
    }
    const sPage = await browser.newPage();
    await sPage.goto(other.host.url);
    await sPage.getByRole('button', { name: 'Quản trị' }).click();
    const sSync = sPage.getByRole('region', { name: 'Đồng bộ' });
    const own = sSync.getByTestId('own-fingerprint');
    await own.waitFor();
    const print = (await own.innerText()).trim();
    expect(print).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
    await sSync.getByLabel('Mã nhân viên nhận').fill('TEST01');
    await sSync.getByRole('button', { name: 'Tạo tệp giao data' }).click();
    await sSync
      .getByRole('status')
      .filter({ hasText: `Đã ký bằng khóa ${print}.` })
      .waitFor();
    const made = readdirSync(join(other.dir, 'bundles'));
    expect(made).toEqual([expect.stringMatching(/^TEST01-.*-assignment\.lpbundle$/)]);
    const list = join(dir.path, 'danh-sach-giao.lpbundle');
    copyFileSync(join(other.dir, 'bundles', made[0]!), list);
    // The same list with its signature taken off, as an agent's editing would leave it.
    const unsigned = join(dir.path, 'khong-ky.lpbundle');
    edit(list, unsigned, 'drop', () => {});

    // --- the agent's desk (TEST01), whose admin PIN the agent does not know
    rig = await hostRig({ role: 'agent' });
    const page = await browser.newPage();
    await page.goto(rig.host.url);
    await page.getByRole('button', { name: 'Quản trị' }).click();
    const sync = page.getByRole('region', { name: 'Đồng bộ' });
    await sync.waitFor();
    const file = sync.getByLabel('Tệp danh sách từ giám sát (.lpbundle)');
    const take = sync.getByRole('button', { name: 'Nhận danh sách' });
    const count = () => rig!.core.db.prepare('SELECT count(*) FROM leads').pluck().get();

    await file.setInputFiles(unsigned);
    await take.click();
    await sync
      .getByRole('alert')
      .filter({
        hasText:
          'khong-ky.lpbundle: Danh sách này không có chữ ký của máy giám sát (có thể đã được tạo hoặc sửa ngoài LeadPhone). Không có gì được nhập.',
      })
      .waitFor();
    expect(await sync.getByRole('group', { name: 'Tin cậy khóa của giám sát' }).count()).toBe(0);

    await file.setInputFiles(list);
    await take.click();
    await sync
      .getByRole('alert')
      .filter({
        hasText: `danh-sach-giao.lpbundle: Danh sách được ký bằng khóa ${print} của Trần Thị Giám Sát (GS01), nhưng máy này chưa tin cậy khóa đó. Không có gì được nhập.`,
      })
      .waitFor();
    expect(count()).toBe(0);
    const trust = sync.getByRole('group', { name: 'Tin cậy khóa của giám sát' });
    expect(await trust.innerText()).toContain(print);
    await trust.getByText('Chỉ quản trị viên mới tin cậy được một khóa mới.').waitFor();
    await trust.getByLabel('Nhập mã PIN quản trị để mở khoá').fill('000000');
    await trust.getByRole('button', { name: 'Mở khoá' }).click();
    await trust.getByRole('alert').filter({ hasText: 'Mã PIN không đúng.' }).waitFor();
    await trust.getByLabel('Nhập mã PIN quản trị để mở khoá').fill(TEST_PIN);
    await trust.getByRole('button', { name: 'Mở khoá' }).click();
    await trust.getByRole('button', { name: `Tin cậy khóa ${print} và nhận danh sách` }).click();
    await sync
      .getByRole('status')
      .filter({
        hasText: `Đã nhận 2 data từ Trần Thị Giám Sát; chúng đã có trong danh sách gọi. Chữ ký hợp lệ của Trần Thị Giám Sát (GS01), khóa ${print}.`,
      })
      .waitFor();
    expect(count()).toBe(2);
    // The window is an agent's again: the set-up sections are behind the PIN.
    await page.getByText('Phần này dành cho quản trị viên.').waitFor();
    const trusted = await rig.core.dispatch('sync.trustedKeys', {});
    expect(trusted).toMatchObject({
      ok: true,
      value: [{ fingerprint: print, label: 'Trần Thị Giám Sát (GS01)' }],
    });
  });
});
