import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { windows1258 } from '../helpers/codePages';
import { useHostPage } from '../helpers/hostPage';

describe('files the import refuses or converts, in a real browser', () => {
  const ctx = useHostPage();
  const kept = () => {
    const dir = join(ctx.rig.dir, 'imports');
    return existsSync(dir) ? readdirSync(dir) : [];
  };

  async function openImport() {
    await ctx.page.goto(ctx.rig.host.url);
    await ctx.page.getByRole('heading', { name: 'Chưa có data nào' }).waitFor();
    await ctx.page.keyboard.press('i');
  }
  const choose = (name: string, buffer: Buffer) =>
    ctx.page.locator('#import-file').setInputFiles({ name, mimeType: 'text/csv', buffer });

  it('says a file of random bytes is not a lead list and an empty file is empty, keeping no copy', async () => {
    await openImport();
    // 1 MiB: more than the 256 KiB sample the preview judges a file by.
    await choose('leads.csv', randomBytes(1 << 20));
    await ctx.page
      .getByRole('alert')
      .filter({ hasText: 'Tệp này không phải danh sách data' })
      .waitFor();
    expect(await ctx.page.getByRole('alert').innerText()).toContain('lưu lại dạng “CSV UTF-8”');
    // No preview, nothing imported, and the upload gone (not six hours later).
    expect(await ctx.page.getByRole('button', { name: 'Bắt đầu nhập' }).count()).toBe(0);
    await expect.poll(kept).toEqual([]);

    await choose('trong.csv', Buffer.alloc(0));
    await ctx.page.getByRole('alert').filter({ hasText: 'Tệp trống' }).waitFor();
    expect(await ctx.page.getByRole('alert').innerText()).toBe(
      'Tệp trống: không có dòng nào để nhập.',
    );
    expect(ctx.rig.core.db.prepare('SELECT COUNT(*) FROM leads').pluck().get()).toBe(0);
    expect(kept()).toEqual([]);

    // Refused before its content is read (a sync bundle): the dialog drops the upload itself.
    await choose('dong-bo.lpbundle', Buffer.from('not a lead list'));
    await ctx.page.getByRole('alert').filter({ hasText: 'tệp đồng bộ LeadPhone' }).waitFor();
    await expect.poll(kept).toEqual([]);
  });

  it('warns before importing a file with a header row only, and drops it when the dialog closes', async () => {
    await openImport();
    await choose('chi-tieu-de.csv', Buffer.from('\uFEFFHọ tên,SĐT,Nguồn\r\n', 'utf8'));
    await ctx.page.getByText('Xem trước chi-tieu-de.csv').waitFor();
    const warning = ctx.page.getByText('Tệp chỉ có dòng tiêu đề, không có dòng data nào để nhập.', {
      exact: false,
    });
    await warning.waitFor();
    const start = ctx.page.getByRole('button', { name: 'Bắt đầu nhập' });
    expect(await start.isDisabled()).toBe(true);
    // Taken as data rather than headers, the row can be imported: the warning goes.
    await ctx.page.getByLabel('Dòng đầu là tiêu đề').uncheck();
    await expect.poll(() => warning.count()).toBe(0);
    expect(await start.isDisabled()).toBe(false);
    expect(kept()).toHaveLength(1);

    await ctx.page.getByRole('button', { name: 'Đóng' }).click();
    await expect.poll(kept).toEqual([]);
  });

  it('shows a Windows-1258 file converted, with its accented names whole', async () => {
    await openImport();
    const csv = ['Họ tên,SĐT,Ghi chú', 'Nguyễn Thị Hồng Nhung,0912345678,hỏi giá'].join('\r\n');
    await choose('cp1258.csv', windows1258(csv));
    await ctx.page.getByText('Xem trước cp1258.csv').waitFor();
    await ctx.page.getByText('Tệp được lưu bằng bảng mã Windows-1258').waitFor();
    const table = await ctx.page.getByRole('table', { name: 'Các dòng đầu của tệp' }).innerText();
    expect(table).toContain('Nguyễn Thị Hồng Nhung');
    await ctx.page.getByRole('button', { name: 'Bắt đầu nhập' }).click();
    await ctx.page.getByText('Đã nhập xong.').waitFor();
    expect(ctx.rig.core.db.prepare('SELECT name FROM leads').pluck().all()).toEqual([
      'Nguyễn Thị Hồng Nhung',
    ]);
  });
});
