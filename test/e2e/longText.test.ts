import { describe, expect, it } from 'vitest';
import { useHostPage } from '../helpers/hostPage';
import { PASTED_NOTE } from '../helpers/rawWebSocket';
import { TEXT_LIMITS } from '../../src/shared/textLimits';

describe('a 1.5 MB text pasted into a note, in a real browser', () => {
  const ctx = useHostPage();

  it('is cut at the note’s limit, says so, and the lead saves with the first 4,000 characters', async () => {
    const { page } = ctx;
    await page.goto(ctx.rig.host.url);
    await page.getByRole('heading', { name: 'Chưa có data nào' }).waitFor();
    await page.keyboard.press('n');
    await page.getByLabel('Họ tên').fill('Lê Thị Dán');
    await page.getByLabel('Số điện thoại').fill('0912 345 679');
    const note = page.getByLabel('Ghi chú');
    // fill() inserts the text as the user's input, which the browser bounds by maxlength.
    await note.fill(PASTED_NOTE);
    expect((await note.inputValue()).length).toBe(TEXT_LIMITS.note);
    await page.getByText('Đã đủ 4.000 ký tự', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('tbody tr', { hasText: 'Lê Thị Dán' }).waitFor();
    const saved = ctx.rig.core.db.prepare('SELECT note FROM leads').pluck().get() as string;
    expect(saved).toBe(PASTED_NOTE.slice(0, TEXT_LIMITS.note).trim());
  });

  it('in the call note: cut at the limit; past the field, main refuses it at the note and writes nothing', async () => {
    const { page } = ctx;
    await ctx.rig.core.dispatch('leads.add', { name: 'Khách Gọi', phone: '0912000011' });
    await page.goto(ctx.rig.host.url);
    const row = page.locator('tbody tr', { hasText: 'Khách Gọi' });
    await row.click();
    await page.keyboard.press('d');
    const panel = page.getByRole('form', { name: /Kết quả cuộc gọi/ });
    await panel.waitFor();
    await page.keyboard.press('2');
    const note = panel.getByLabel('Ghi chú cuộc gọi');
    await note.fill(PASTED_NOTE);
    expect((await note.inputValue()).length).toBe(TEXT_LIMITS.note);
    await panel.getByText('Đã đủ 4.000 ký tự', { exact: false }).waitFor();

    // A client without the limit (or one that disagrees with main) still cannot store more.
    await note.evaluate((el) => el.removeAttribute('maxlength'));
    await note.fill('x'.repeat(TEXT_LIMITS.note + 1));
    await panel.getByRole('button', { name: 'Lưu kết quả' }).click();
    await panel.getByText('Nội dung quá dài, hãy rút gọn lại.').waitFor();
    const dispositions = () =>
      ctx.rig.core.db.prepare('SELECT COUNT(*) FROM dispositions').pluck().get() as number;
    expect(dispositions()).toBe(0);

    // The same connection goes on: a shorter note saves.
    await note.fill('Khách hẹn tuần sau.');
    await panel.getByRole('button', { name: 'Lưu kết quả' }).click();
    await page.getByText('Đã lưu kết quả cho Khách Gọi').waitFor();
    expect(dispositions()).toBe(1);
  });
});
