import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatVnd } from '../../src/shared/money';
import { startOfLocalDay } from '../../src/shared/reportDays';
import { launchBrowser } from '../helpers/browser';
import { hostRig } from '../helpers/hostRig';
import { allowRepeatCalls, seedWork } from '../helpers/workSeed';
import { clientOf, makeSupervisor } from '../main/export/exportRig';

const DAY = 86_400_000;
const TZ = 'Asia/Ho_Chi_Minh';

describe('the reports screen in a real browser', () => {
  let browser: Browser;
  let rig: Awaited<ReturnType<typeof hostRig>>;
  let page: Page;
  let pageErrors: string[];
  let day0: number;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    rig = await hostRig();
    makeSupervisor(rig.core.db);
    // Today and the two days before, as the screen's default range (the last 7 days) shows them.
    day0 = startOfLocalDay(Date.now(), TZ);
    const client = clientOf(rig);
    // This install's agent (asked at first start): every call below is stamped with it.
    await client.call('agent.set', { name: 'Trương Thị Lan', code: 'NV07' });
    allowRepeatCalls(rig.core.db);
    await seedWork(client, rig.clock, day0);
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });
  afterEach(async () => {
    await page.close();
    await rig.stop();
    expect(pageErrors, 'errors thrown in the page').toEqual([]);
  });

  const count = (sql: string, ...params: unknown[]) =>
    rig.core.db
      .prepare(sql)
      .pluck()
      .get(...params) as number;

  /** The cells of a chart's table, row by row. */
  const tableOf = async (name: string) =>
    page
      .getByRole('table', { name })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );

  async function openReports() {
    await page.goto(rig.host.url);
    await page.getByRole('button', { name: 'Báo cáo', exact: true }).click();
    await page.getByRole('heading', { name: 'Cuộc gọi theo ngày' }).waitFor();
  }

  it('draws every chart, and the tables hold what a direct count in SQLite says', async () => {
    await openReports();
    // Six charts, each an SVG drawn by recharts with marks in it.
    await expect.poll(() => page.locator('.report__chart .recharts-wrapper').count()).toBe(6);
    for (const id of [
      'callsPerDay',
      'talkTime',
      'outcomes',
      'conversions',
      'callbacks',
      'perAgent',
    ]) {
      const svg = page
        .locator(`[data-report="${id}"] .recharts-wrapper > svg.recharts-surface`)
        .first();
      expect(Number(await svg.getAttribute('width')), id).toBeGreaterThan(100);
    }
    expect(await page.locator('[data-report="talkTime"] .recharts-line-curve').count()).toBe(1);
    await expect
      .poll(() => page.locator('[data-report="callsPerDay"] .recharts-bar-rectangle').count())
      .toBeGreaterThan(0);
    expect(await page.locator('[data-report="outcomes"] .recharts-pie-sector').count()).toBe(5);

    // Calls per day: the last 7 days, each day's calls as counted in the calls table.
    const perDay = await tableOf('Cuộc gọi theo ngày');
    expect(perDay).toHaveLength(7);
    for (let i = 0; i < 7; i++) {
      const start = day0 - (6 - i) * DAY;
      const direct = count(
        'SELECT COUNT(*) FROM calls WHERE started_at >= ? AND started_at < ?',
        start,
        start + DAY,
      );
      expect(Number(perDay[i]![1]), `calls on ${perDay[i]![0]}`).toBe(direct);
    }
    expect(perDay.reduce((n, r) => n + Number(r[1]), 0)).toBe(count('SELECT COUNT(*) FROM calls'));
    expect(perDay.slice(4).map((r) => r.slice(1, 3))).toEqual([
      ['2', '0'],
      ['2', '2'],
      ['4', '3'],
    ]);
    await expect.poll(() => page.locator('[data-total="calls"]').innerText()).toBe('8');
    expect(await page.locator('[data-total="reachRate"]').innerText()).toBe('62.5%');

    // Outcomes: each label's count is the number of dispositions with that status.
    const outcomes = await tableOf('Kết quả cuộc gọi');
    const labels = rig.core.db.prepare('SELECT code, label_vi FROM statuses').all() as {
      code: string;
      label_vi: string;
    }[];
    for (const [label, n] of outcomes) {
      const code = labels.find((l) => l.label_vi === label)!.code;
      expect(Number(n), label).toBe(
        count('SELECT COUNT(*) FROM dispositions WHERE status_code = ?', code),
      );
    }
    expect(outcomes.reduce((n, r) => n + Number(r[1]), 0)).toBe(
      count('SELECT COUNT(*) FROM dispositions'),
    );

    // Per agent: the install's agent made every call and order.
    const agents = await tableOf('Theo nhân viên');
    expect(agents).toHaveLength(1);
    expect(agents[0]![0]).toBe('Trương Thị Lan (NV07)');
    expect(Number(agents[0]![1])).toBe(
      count(
        "SELECT COUNT(*) FROM calls WHERE agent_id = (SELECT id FROM agents WHERE code = 'NV07')",
      ),
    );
    expect(Number(agents[0]![5])).toBe(
      count(
        "SELECT COUNT(*) FROM orders WHERE agent_id = (SELECT id FROM agents WHERE code = 'NV07')",
      ),
    );

    // Conversions and callbacks.
    const conversions = await tableOf('Chuyển đổi');
    const row = (label: string) => conversions.find((r) => r[0] === label)![1];
    expect(Number(row('Đơn hàng (không tính đơn huỷ)'))).toBe(
      count("SELECT COUNT(*) FROM orders WHERE state <> 'cancelled'"),
    );
    expect(Number(row('Data mới nhận'))).toBe(count('SELECT COUNT(*) FROM leads'));
    // Money reads 2.400.000 ₫ on the screen, whatever the number's size.
    expect(row('Giá trị đơn (VNĐ)')).toBe(
      formatVnd(count("SELECT SUM(total) FROM orders WHERE state <> 'cancelled'")),
    );
    expect(row('Giá trị đơn (VNĐ)')).toMatch(/^\d{1,3}(\.\d{3})+ ₫$/);
    expect(agents[0]![6]).toBe(row('Giá trị đơn (VNĐ)'));
    const callbacks = await tableOf('Hẹn gọi lại');
    expect(callbacks.reduce((n, r) => n + Number(r[3]), 0)).toBe(
      count(
        "SELECT COUNT(*) FROM reminders WHERE state = 'pending' AND due_at <= ?",
        rig.clock.now(),
      ),
    );
  });

  it('exports a chart’s table as a CSV the way the screen shows it, and speaks English too', async () => {
    await openReports();
    const section = page.locator('[data-report="callsPerDay"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Xuất bảng này (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^cuoc-goi-theo-ngay_\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d\.csv$/,
    );
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Ngày,Cuộc gọi,Gặp được,Tỉ lệ gặp (%)');
    expect(lines).toHaveLength(8);
    expect(lines[7]).toMatch(/^\d\d\/\d\d\/\d{4},4,3,75$/);

    await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en');
    await page.getByRole('heading', { name: 'Calls per day' }).waitFor();
    expect(
      await page.getByRole('table', { name: 'Calls per day' }).locator('th').allInnerTexts(),
    ).toEqual(['Day', 'Calls', 'Reached', 'Reach rate (%)']);
  });

  it('narrows to the picked dates', async () => {
    await openReports();
    const today = await page.getByLabel('Đến ngày').inputValue();
    await page.getByLabel('Từ ngày').fill(today);
    await expect.poll(async () => (await tableOf('Cuộc gọi theo ngày')).length).toBe(1);
    expect((await tableOf('Cuộc gọi theo ngày'))[0]!.slice(1, 3)).toEqual(['4', '3']);
    await expect
      .poll(() => page.locator('[data-total="calls"]').innerText())
      .toBe(String(count('SELECT COUNT(*) FROM calls WHERE started_at >= ?', day0)));

    // The full export of the same range: today's calls of leads now in Đơn hàng, to a CSV.
    await page.getByRole('combobox', { name: 'Định dạng' }).selectOption('csv');
    await page.getByRole('combobox', { name: 'Thư mục' }).selectOption('order');
    await page.getByRole('button', { name: 'Xuất', exact: true }).click();
    const status = page.getByRole('status').filter({ hasText: 'Đã lưu' });
    await status.waitFor();
    const saved = /Đã lưu (\d+) dòng vào (.+\.csv)$/.exec(await status.innerText());
    expect(Number(saved![1])).toBe(
      count(
        `SELECT COUNT(*) FROM calls c JOIN leads l ON l.id = c.lead_id
         WHERE c.started_at >= ? AND l.stage = 'order'`,
        day0,
      ),
    );
    expect(Number(saved![1])).toBe(2);
    const lines = readFileSync(saved![2]!, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(1 + Number(saved![1]));
    expect(lines[1]).toContain('Nguyễn Thị Hường');
  });
});
