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
});
