import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useHostPage } from '../helpers/hostPage';

const ROWS = 20_000;

/** Marketing's file: a header in Vietnamese, CRLF, a duplicate, a bad number, a blank line. */
function marketingCsv(): string {
  const lines = ['Họ tên,SĐT,Nguồn,Ghi chú'];
  for (let i = 0; i < ROWS - 3; i++) {
    lines.push(`Khách ${i},09${String(20_000_000 + i)},Facebook,"hỏi giá, gọi tối"`);
  }
  lines.push('Nguyễn Thị Hồng Nhung,0912.345.678,Zalo,muốn tư vấn');
  lines.push('Nhung (trùng),84912345678,TikTok,');
  lines.push('Số lỗi,12345,Facebook,');
  return `${lines.join('\r\n')}\r\n,,,\r\nCuối,0987654321,Facebook,\r\n`;
}

describe('importing a file and searching, in a real browser', () => {
  const ctx = useHostPage();

  it('imports a CSV through preview, progress and report, then finds “Nguyễn” by typing nguyen', async () => {
    await ctx.page.goto(ctx.rig.host.url);
    await ctx.page.getByRole('heading', { name: 'Chưa có data nào' }).waitFor();
    await ctx.page.keyboard.press('i');
    await ctx.page.locator('#import-file').setInputFiles({
      name: 'data-thang-11.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(marketingCsv(), 'utf8'),
    });

    // Preview: the mapping detected from the Vietnamese headers, editable, nothing written yet.
    await ctx.page.getByText('Xem trước data-thang-11.csv').waitFor();
    expect(await ctx.page.getByRole('combobox', { name: 'Họ tên' }).inputValue()).toBe('0');
    expect(await ctx.page.getByRole('combobox', { name: 'Số điện thoại' }).inputValue()).toBe('1');
    expect(await ctx.page.getByRole('combobox', { name: 'Ghi chú' }).inputValue()).toBe('3');
    expect(
      await ctx.page.getByRole('table', { name: 'Các dòng đầu của tệp' }).innerText(),
    ).toContain('hỏi giá, gọi tối');
    // Choosing a column twice moves it: Nguồn fed by the note column, then back.
    await ctx.page.getByRole('combobox', { name: 'Nguồn' }).selectOption('3');
    expect(await ctx.page.getByRole('combobox', { name: 'Ghi chú' }).inputValue()).toBe('');
    await ctx.page.getByRole('combobox', { name: 'Nguồn' }).selectOption('2');
    await ctx.page.getByRole('combobox', { name: 'Ghi chú' }).selectOption('3');
    expect(
      (ctx.rig.core.db.prepare('SELECT COUNT(*) FROM leads').pluck().get() as number) === 0,
    ).toBe(true);

    // Every progress text the page shows while the import runs.
    await ctx.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const p = document.querySelector('.import__progress p');
        if (p?.textContent && seen.at(-1) !== p.textContent) seen.push(p.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await ctx.page.getByRole('button', { name: 'Bắt đầu nhập' }).click();
    await ctx.page.getByText('Đã nhập xong.').waitFor({ timeout: 60_000 });
    const seen = await ctx.page.evaluate(
      () => (window as unknown as { progressSeen: string[] }).progressSeen,
    );
    expect(seen.some((s) => /^Đã nhập [\d.]+ \/ ~[\d.]+ dòng$/.test(s))).toBe(true);

    const count = async (key: string) =>
      Number(await ctx.page.locator(`[data-count=${key}] dd`).innerText());
    expect(await count('rowsRead')).toBe(ROWS + 2);
    expect(await count('newLeads')).toBe(ROWS);
    expect(await count('mergedDuplicates')).toBe(1);
    expect(await count('invalidPhones')).toBe(1);
    expect(await count('rejected')).toBe(1);
    expect(ctx.rig.core.db.prepare('SELECT COUNT(*) FROM leads').pluck().get()).toBe(ROWS);

    // The report of skipped and flagged rows, in Vietnamese.
    const [download] = await Promise.all([
      ctx.page.waitForEvent('download'),
      ctx.page.getByRole('button', { name: /Tải báo cáo 2 dòng/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('data-thang-11-bao-cao.csv');
    const report = readFileSync((await download.path())!, 'utf8');
    expect(report).toContain('Số điện thoại không hợp lệ — đã lưu, đánh dấu');
    expect(report).toContain('Dòng trống — bỏ qua');
    await ctx.page.getByRole('button', { name: 'Xong' }).click();

    // Search without diacritics finds the Vietnamese name; the merged row's source was kept.
    await ctx.page.keyboard.press('/');
    await ctx.page.keyboard.type('nguyen');
    const hit = ctx.page.locator('.search-results tbody tr');
    await expect.poll(() => hit.count()).toBe(1);
    expect(await hit.innerText()).toContain('Nguyễn Thị Hồng Nhung');
    expect(await hit.innerText()).toContain('0912 345 678');
    expect(await hit.innerText()).toContain('TikTok');
  });

  it('offers to open the existing lead when a number is added twice by hand', async () => {
    await ctx.page.goto(ctx.rig.host.url);
    await ctx.page.getByRole('heading', { name: 'Chưa có data nào' }).waitFor();
    await ctx.page.keyboard.press('n');
    await ctx.page.getByLabel('Họ tên').fill('Đặng Văn Đức');
    await ctx.page.getByLabel('Số điện thoại').fill('0913 000 111');
    await ctx.page.getByRole('button', { name: 'Lưu' }).click();
    await ctx.page.locator('tbody tr', { hasText: 'Đặng Văn Đức' }).waitFor();

    await ctx.page.keyboard.press('n');
    await ctx.page.getByLabel('Họ tên').fill('Anh Đức');
    await ctx.page.getByLabel('Số điện thoại').fill('+84 913-000-111');
    await ctx.page.getByRole('button', { name: 'Lưu' }).click();
    await ctx.page.getByText('Số điện thoại này đã có trong danh sách.').waitFor();
    await ctx.page.getByRole('button', { name: 'Mở data đã có số này' }).click();
    await ctx.page.getByRole('heading', { name: 'Đặng Văn Đức' }).waitFor();
    expect(ctx.rig.core.db.prepare('SELECT COUNT(*) FROM leads').pluck().get()).toBe(1);
  });
});
