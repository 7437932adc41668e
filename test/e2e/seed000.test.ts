import { describe, expect, it } from 'vitest';
import { builtinStatuses } from '../../src/shared/catalogue';
import { defaultCallingWindow, nextCallableTime } from '../../src/shared/callingHours';
import type { Lead } from '../../src/shared/domain';
import { formatShortDateTime, quickCallbackTimes } from '../../src/shared/time';
import { useHostPage } from '../helpers/hostPage';

const VN = 'Asia/Ho_Chi_Minh';

describe('seed 000 walked in a real browser', () => {
  const ctx = useHostPage();

  const leadByName = (name: string) =>
    ctx.rig.core.db.prepare('SELECT id FROM leads WHERE name = ?').pluck().get(name) as string;
  const lead = async (name: string) =>
    (await ctx.rig.core.dispatch('leads.get', { id: leadByName(name) })) as {
      ok: true;
      value: Lead;
    };
  const row = (name: string) => ctx.page.locator('tbody tr', { hasText: name });

  async function open() {
    await ctx.page.goto(ctx.rig.host.url);
    await ctx.page.getByRole('tab', { name: /Data mới/ }).waitFor();
  }

  async function addLead(name: string, phone: string) {
    await ctx.page.keyboard.press('n');
    await ctx.page.getByLabel('Họ tên').fill(name);
    await ctx.page.getByLabel('Số điện thoại').fill(phone);
    await ctx.page.getByLabel('Số điện thoại').press('Enter');
    await row(name).waitFor();
  }

  /** Keyboard: select the lead's row, D opens the panel, a digit picks the outcome. */
  async function openPanel(name: string, digit: string) {
    await row(name).click();
    await ctx.page.keyboard.press('d');
    const panel = ctx.page.getByRole('form', { name: /Kết quả cuộc gọi/ });
    await panel.waitFor();
    await ctx.page.keyboard.press(digit);
    return panel;
  }

  it('walks the four outcomes of a new lead, by keyboard, to the right folders', async () => {
    await ctx.rig.core.dispatch('products.save', {
      code: 'LT1',
      name: 'Liệu trình 1 tháng',
      unitPrice: 450_000,
    });
    await ctx.rig.core.dispatch('products.save', {
      code: 'KD',
      name: 'Kem dưỡng',
      unitPrice: 350_000,
    });
    await ctx.page.goto(ctx.rig.host.url);
    await ctx.page.getByRole('heading', { name: 'Chưa có data nào' }).waitFor();

    await addLead('Khách Một', '0912000001');
    await addLead('Khách Hai', '0912000002');
    await addLead('Khách Ba', '0912000003');
    await addLead('Khách Bốn', '0912000004');
    await addLead('Khách Năm', '0912000005');
    expect(await ctx.page.getByRole('tab', { name: /Data mới/ }).innerText()).toContain('5');
    expect(await row('Khách Một').innerText()).toContain('Gọi ngay bây giờ');

    // 1. Chưa gọi được → a callback the agent picks; stays in Data mới with "Gọi lại lúc …".
    const p1 = await openPanel('Khách Một', '1');
    await p1.getByRole('button', { name: 'Sáng mai 09:00' }).click();
    await ctx.page.keyboard.press('Enter');
    await ctx.page.getByText('Đã lưu kết quả cho Khách Một').waitFor();
    const tomorrow9 = quickCallbackTimes(Date.now(), VN).tomorrowMorning;
    await expect
      .poll(() => row('Khách Một').innerText())
      .toContain(`Gọi lại lúc ${formatShortDateTime(tomorrow9, VN)}`);
    expect((await lead('Khách Một')).value).toMatchObject({
      stage: 'new',
      nextAction: 'callback',
      nextActionAt: tomorrow9,
    });
    expect(
      ctx.rig.core.db.prepare("SELECT due_at FROM reminders WHERE state = 'pending'").pluck().all(),
    ).toEqual([tomorrow9]);

    // 2. Không nhu cầu → no next action, still in Data mới.
    await openPanel('Khách Hai', '2');
    await ctx.page.keyboard.press('Enter');
    await expect.poll(async () => (await lead('Khách Hai')).value.nextAction).toBe('none');
    await expect.poll(() => row('Khách Hai').innerText()).toContain('Không tiềm năng');

    // 3. Sai số / Số ảo → flagged, no next action.
    await openPanel('Khách Ba', '3');
    await ctx.page.keyboard.press('Enter');
    await expect.poll(() => row('Khách Ba').innerText()).toContain('Sai số');
    expect((await lead('Khách Ba')).value).toMatchObject({
      stage: 'new',
      nextAction: 'none',
      phoneWrong: true,
    });

    // 4. Convert without an order → Data contact, callback 24 h later.
    const p4 = await openPanel('Khách Bốn', '4');
    await p4.getByLabel('Tỉnh / Thành phố').fill('Hà Nội');
    await ctx.page.keyboard.press('Enter');
    await expect.poll(async () => (await lead('Khách Bốn')).value.stage).toBe('contact');
    const four = (await lead('Khách Bốn')).value;
    const expected = nextCallableTime(four.updatedAt + 24 * 3_600_000, defaultCallingWindow, VN);
    expect(four).toMatchObject({
      nextAction: 'callback',
      nextActionAt: expected,
      province: 'Hà Nội',
    });

    // 5. Convert with an order of two items (Xác nhận mua) → Đơn hàng with the right total.
    const p5 = await openPanel('Khách Năm', '4');
    await p5.getByLabel('Xác nhận mua — tạo đơn hàng ngay').check();
    await p5
      .getByLabel('Sản phẩm / liệu trình 1', { exact: true })
      .selectOption({ label: 'LT1 — Liệu trình 1 tháng' });
    await p5.getByLabel('SL 1').fill('2');
    await p5.getByRole('button', { name: '+ Thêm sản phẩm' }).click();
    await p5
      .getByLabel('Sản phẩm / liệu trình 2', { exact: true })
      .selectOption({ label: 'KD — Kem dưỡng' });
    expect(await p5.getByTestId('order-total').innerText()).toBe('1.250.000 ₫');
    await p5.getByLabel('Địa chỉ giao hàng').fill('12 Trần Thái Tông, Hà Nội');
    await ctx.page.keyboard.press('Enter');
    await expect.poll(async () => (await lead('Khách Năm')).value.stage).toBe('order');

    // The folders now hold what the workflow's rules say.
    await ctx.page.keyboard.press('Escape');
    await expect
      .poll(() => ctx.page.getByRole('tab', { name: /Data mới/ }).innerText())
      .toContain('3');
    expect(await ctx.page.getByRole('tab', { name: /Data contact/ }).innerText()).toContain('1');
    expect(await ctx.page.getByRole('tab', { name: /Đơn hàng/ }).innerText()).toContain('1');

    await ctx.page.keyboard.press('Alt+2');
    await expect
      .poll(() => row('Khách Bốn').innerText())
      .toContain(`Gọi lại lúc ${formatShortDateTime(expected, VN)}`);

    await ctx.page.keyboard.press('Alt+3');
    const orderRow = ctx.page.locator('tbody tr', { hasText: 'Khách Năm' });
    await orderRow.waitFor();
    const text = await orderRow.innerText();
    expect(text).toContain('1.250.000 ₫');
    expect(text).toContain('2 × Liệu trình 1 tháng');
    expect(text).toContain('1 × Kem dưỡng');
    expect(text).toContain('Mới');
  });

  it('refuses a callback without a time and says why', async () => {
    await open();
    await addLead('Khách Sáu', '0912000006');
    await openPanel('Khách Sáu', '1');
    await ctx.page.keyboard.press('Enter');
    await ctx.page.getByText('Hãy chọn thời điểm gọi lại.').waitFor();
    expect((await lead('Khách Sáu')).value.nextAction).toBe('call_now');
  });

  it('shows every status in Vietnamese by default and in English after switching', async () => {
    await open();
    await addLead('Khách Bảy', '0912000007');
    const contact = await ctx.rig.core.dispatch('leads.add', {
      name: 'Khách Tám',
      phone: '0912000008',
    });
    const id = (contact as { ok: true; value: Lead }).value.id;
    await ctx.rig.core.dispatch('dispositions.save', {
      leadId: id,
      statusCode: 'new.converted',
      customer: { name: 'Khách Tám' },
    });

    const labels = async (stageTab: RegExp, name: string) => {
      await ctx.page.getByRole('tab', { name: stageTab }).click();
      await row(name).click();
      await ctx.page.keyboard.press('d');
      const radios = ctx.page.getByRole('radio');
      await radios.first().waitFor();
      const out = (await radios.allInnerTexts()).map((s) => s.replace(/^\d\s*/, '').trim());
      await ctx.page.keyboard.press('Escape');
      await ctx.page.keyboard.press('Escape');
      return out;
    };
    const outcomeLabels = (stage: 'new' | 'contact', lang: 'labelVi' | 'labelEn') =>
      builtinStatuses.filter((s) => s.stage === stage).map((s) => s[lang]);
    const customerLabels = (lang: 'labelVi' | 'labelEn') =>
      builtinStatuses.filter((s) => s.kind === 'customer').map((s) => s[lang]);
    const filterOptions = async () =>
      (await ctx.page.locator('.filters select option').allInnerTexts()).slice(2);

    expect(await labels(/Data mới/, 'Khách Bảy')).toEqual(outcomeLabels('new', 'labelVi'));
    expect(await labels(/Data contact/, 'Khách Tám')).toEqual(outcomeLabels('contact', 'labelVi'));
    expect(await filterOptions()).toEqual(customerLabels('labelVi'));

    await ctx.page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en');
    await ctx.page.getByRole('tab', { name: /New leads/ }).waitFor();
    expect(await labels(/New leads/, 'Khách Bảy')).toEqual(outcomeLabels('new', 'labelEn'));
    expect(await labels(/Contacts/, 'Khách Tám')).toEqual(outcomeLabels('contact', 'labelEn'));
    expect(await filterOptions()).toEqual(customerLabels('labelEn'));
  });
});
