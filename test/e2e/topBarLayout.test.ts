import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpInstall, TEST_PIN } from '../helpers/access';
import { useHostPage } from '../helpers/hostPage';

/** Screenshots of each layout, kept as test artifacts (not compared pixel by pixel). */
const SHOTS = join(__dirname, '..', '..', 'test-results', 'layout');

interface Box {
  name: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** How many line boxes the control's text takes. */
  lines: number;
}

/** Every control of the top bar, where it is drawn and on how many lines its text sits. */
function measureTopBar(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector('header.topbar') as HTMLElement;
    const controls = [
      ...bar.querySelectorAll<HTMLElement>(
        'h1, button, input, select, label, [role="status"], .team-indicator',
      ),
    ].filter((el) => el.getClientRects().length > 0);
    const boxes = controls.map((el) => {
      const r = el.getBoundingClientRect();
      // The tops of the text's fragments (not of a checkbox or select beside it): a new line
      // starts where a fragment sits lower than the one before by more than a few pixels.
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const tops: number[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement?.closest('select, option')) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const f of range.getClientRects()) if (f.width > 0) tops.push(f.top);
      }
      tops.sort((a, b) => a - b);
      const lines = tops.filter((top, i) => i === 0 || top - tops[i - 1]! > 4).length;
      return {
        name:
          el.getAttribute('aria-label') ||
          el.textContent?.trim() ||
          el.getAttribute('placeholder') ||
          el.tagName,
        left: r.left,
        right: r.right,
        top: r.top,
        bottom: r.bottom,
        lines,
        isGroupChild: el.parentElement?.closest('button, label, .team-indicator') !== null,
      };
    });
    const b = bar.getBoundingClientRect();
    return {
      bar: { height: b.height, width: b.width, scrollWidth: bar.scrollWidth },
      // Controls nested in another (a select in its label, a badge in the indicator) are
      // measured through their container for overlap.
      boxes: boxes.map(({ isGroupChild: _, ...box }) => box),
      outer: boxes.filter((x) => !x.isGroupChild).map(({ isGroupChild: _, ...box }) => box),
    };
  });
}

async function expectOneLineBar(page: Page, viewport: { width: number; height: number }) {
  const { bar, boxes, outer } = await measureTopBar(page);
  expect(boxes.length).toBeGreaterThan(8);
  // Each control's words sit on one line.
  const wrapped = boxes.filter((b: Box) => b.lines > 1).map((b: Box) => b.name);
  expect(wrapped, 'controls whose text wraps').toEqual([]);
  // The bar is one row: no taller than a control and its padding, nothing past its right edge.
  expect(bar.height).toBeLessThanOrEqual(44);
  expect(bar.scrollWidth).toBeLessThanOrEqual(bar.width);
  for (const b of boxes) {
    expect(b.right, `${b.name} inside the window`).toBeLessThanOrEqual(viewport.width);
    expect(b.left, `${b.name} inside the window`).toBeGreaterThanOrEqual(0);
    expect(b.bottom, `${b.name} inside the bar`).toBeLessThanOrEqual(bar.height + 0.5);
  }
  // Side by side, in one row: each control starts where the one before it ended.
  const row = [...outer].sort((a, b) => a.left - b.left);
  for (let i = 1; i < row.length; i++) {
    expect(row[i]!.left, `${row[i]!.name} after ${row[i - 1]!.name}`).toBeGreaterThanOrEqual(
      row[i - 1]!.right - 0.5,
    );
  }
}

/** How many queue rows are drawn whole inside the window. */
function visibleRows(page: Page, height: number) {
  return page.evaluate(
    (h) =>
      [...document.querySelectorAll('#queue-panel tbody tr')].filter((tr) => {
        const r = tr.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= h;
      }).length,
    height,
  );
}

describe('the agent workspace fits a laptop screen', () => {
  const ctx = useHostPage();

  async function seedAndOpen(viewport: { width: number; height: number }) {
    for (let i = 1; i <= 30; i++) {
      await ctx.rig.core.dispatch('leads.add', {
        name: `Nguyễn Thị Khách Hàng ${i}`,
        phone: `0912${String(100_000 + i)}`,
        source: 'Facebook Ads — chiến dịch tháng 12',
      });
    }
    await ctx.page.setViewportSize(viewport);
    await ctx.page.goto(ctx.rig.host.url);
    await expect.poll(() => ctx.page.locator('#queue-panel tbody tr').count()).toBe(30);
  }

  /** The top bar's controls, found by the names the rest of the tests use. */
  async function expectControls(page: Page) {
    for (const name of [
      'Thêm data',
      'Gọi lại hôm nay (0)',
      'Nhập từ tệp',
      'Bàn phím',
      'Báo cáo',
      'Quản trị',
    ]) {
      await expect
        .poll(() => page.getByRole('button', { name, exact: true }).isVisible())
        .toBe(true);
    }
    expect(await page.getByRole('searchbox', { name: /Tìm/ }).isVisible()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Gọi liên tục' }).isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Ngôn ngữ' }).isVisible()).toBe(true);
    expect(await page.getByRole('status', { name: 'Trạng thái tổng đài' }).isVisible()).toBe(true);
  }

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1366, height: 768 },
  ]) {
    const size = `${viewport.width}×${viewport.height}`;

    it(`keeps the top bar on one line and shows at least 12 leads at ${size}, with and without a lead open, in Vietnamese and English`, async () => {
      await seedAndOpen(viewport);
      await expectControls(ctx.page);
      await expectOneLineBar(ctx.page, viewport);
      expect(await visibleRows(ctx.page, viewport.height)).toBeGreaterThanOrEqual(12);
      mkdirSync(SHOTS, { recursive: true });
      await ctx.page.screenshot({ path: join(SHOTS, `queue-${viewport.width}-vi.png`) });

      // A lead open in the drawer beside the queue: still a dozen leads, one line each.
      await ctx.page.locator('#queue-panel tbody tr').nth(2).click();
      await ctx.page.keyboard.press('Enter');
      await ctx.page.getByRole('complementary', { name: 'Chi tiết data' }).waitFor();
      expect(await visibleRows(ctx.page, viewport.height)).toBeGreaterThanOrEqual(12);
      await expectOneLineBar(ctx.page, viewport);
      await ctx.page.screenshot({ path: join(SHOTS, `lead-${viewport.width}-vi.png`) });

      await ctx.page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en');
      await ctx.page.getByRole('button', { name: 'Reports', exact: true }).waitFor();
      await expectOneLineBar(ctx.page, viewport);
      expect(await visibleRows(ctx.page, viewport.height)).toBeGreaterThanOrEqual(12);
      await ctx.page.screenshot({ path: join(SHOTS, `lead-${viewport.width}-en.png`) });
    });
  }

  it('keeps the top bar on one line at 1280×720 on the admin screen an agent unlocked (its lock button shown)', async () => {
    setUpInstall(ctx.rig.core.db, 'agent');
    const viewport = { width: 1280, height: 720 };
    await seedAndOpen(viewport);
    await ctx.page.getByRole('button', { name: 'Quản trị', exact: true }).click();
    await ctx.page.getByLabel('Nhập mã PIN quản trị để mở khoá').fill(TEST_PIN);
    await ctx.page.getByRole('button', { name: 'Mở khoá' }).click();
    await ctx.page.getByRole('heading', { name: 'Sản phẩm / liệu trình' }).waitFor();
    expect(await ctx.page.getByRole('button', { name: 'Khoá lại phần quản trị' }).isVisible()).toBe(
      true,
    );
    await expectOneLineBar(ctx.page, viewport);
    mkdirSync(SHOTS, { recursive: true });
    await ctx.page.screenshot({ path: join(SHOTS, `admin-${viewport.width}-vi.png`) });
  });
});
