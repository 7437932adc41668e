import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  insertImportRun,
  recordImportProgress,
  setImportRunState,
} from '../../src/main/core/intake/db/importRuns';
import { useHostPage } from '../helpers/hostPage';

const ROWS = 100_000;

function bigCsv(): Buffer {
  const lines = ['Họ tên,SĐT,Nguồn,Ghi chú'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(`Khách ${i},09${String(10_000_000 + i)},Facebook,"ghi chú ${i % 97}, gọi sau"`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

interface Sample {
  value: number;
  percent: string;
  text: string;
  report: boolean;
}

describe('the progress of a 100,000-row import, in a real browser', () => {
  const ctx = useHostPage();

  it('moves monotonically and never shows 100 % before the report', async () => {
    await ctx.page.goto(ctx.rig.host.url);
    await ctx.page.getByRole('heading', { name: 'Chưa có data nào' }).waitFor();
    await ctx.page.keyboard.press('i');
    await ctx.page.locator('#import-file').setInputFiles({
      name: 'data-lon.csv',
      mimeType: 'text/csv',
      buffer: bigCsv(),
    });
    await ctx.page.getByText('Xem trước data-lon.csv').waitFor({ timeout: 60_000 });

    // Every state of the bar the page goes through, sampled on each frame until the report.
    await ctx.page.evaluate(() => {
      const samples: Sample[] = [];
      (window as unknown as { samples: Sample[] }).samples = samples;
      const look = () => {
        const bar = document.querySelector<HTMLProgressElement>('.import__progress progress');
        const report = document.querySelector('[data-count=rowsRead]') !== null;
        if (bar) {
          const percent = document.querySelector('.import__progress span')?.textContent ?? '';
          const text = document.querySelector('.import__progress p')?.textContent ?? '';
          const last = samples.at(-1);
          if (!last || last.value !== bar.value || last.text !== text)
            samples.push({ value: bar.value / bar.max, percent, text, report });
        }
        if (!report) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await ctx.page.getByRole('button', { name: 'Bắt đầu nhập' }).click();
    await ctx.page.getByText('Đã nhập xong.').waitFor({ timeout: 120_000 });
    const samples = await ctx.page.evaluate(
      () => (window as unknown as { samples: Sample[] }).samples,
    );

    const values = samples.map((s) => s.value);
    // It moved: many distinct states, not "0 %" then the report.
    expect(new Set(values).size).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < values.length; i++)
      expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]!);
    expect(samples.every((s) => s.percent !== '100%' && s.value < 1)).toBe(true);
    // The estimated total is read from the text as it goes, and is never below what is done.
    for (const s of samples) {
      const m = /^Đã nhập ([\d.]+) \/ ~([\d.]+) dòng$/.exec(s.text);
      if (!m) continue;
      const [done, total] = [m[1]!, m[2]!].map((n) => Number(n.replaceAll('.', '')));
      expect(total!).toBeGreaterThanOrEqual(done!);
      expect(total!).toBeLessThanOrEqual(ROWS * 1.2);
    }
    const count = Number(await ctx.page.locator('[data-count=rowsRead] dd').innerText());
    expect(count).toBe(ROWS);
  });
});

describe('an import a crash stopped, in a real browser', () => {
  const ctx = useHostPage();

  it('is said at start with how far it got, and "Tiếp tục nhập" finishes it', async () => {
    // What a crash leaves: the run's record and its file (see test/main/import/interruptedImport).
    const runId = '0193a0f2-7c1e-7000-8000-00000000abcd';
    const rows = ['Họ tên,SĐT'];
    for (let i = 0; i < 300; i++) rows.push(`Khách ${i},09${String(30_000_000 + i)}`);
    mkdirSync(join(ctx.rig.dir, 'import-runs'), { recursive: true });
    writeFileSync(join(ctx.rig.dir, 'import-runs', `${runId}.csv`), rows.join('\n'));
    const db = ctx.rig.core.db;
    insertImportRun(
      db,
      {
        id: runId,
        file_name: 'data-thang-12.csv',
        file_ext: '.csv',
        mapping: JSON.stringify({
          hasHeader: true,
          columns: { name: 0, phone: 1, source: null, note: null, receivedAt: null },
          defaultSource: '',
        }),
        sheet: null,
        delimiter: null,
      },
      Date.now(),
    );
    recordImportProgress(db, runId, 200, 300, Date.now());
    setImportRunState(db, runId, 'interrupted', Date.now());

    await ctx.page.goto(ctx.rig.host.url);
    const notice = ctx.page.getByRole('alert').filter({ hasText: 'data-thang-12.csv' });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('200 / ~300');
    await notice.getByRole('button', { name: 'Tiếp tục nhập' }).click();
    await ctx.page.getByText('Đã nhập xong.').waitFor();
    expect(Number(await ctx.page.locator('[data-count=newLeads] dd').innerText())).toBe(300);
    expect(await ctx.page.getByRole('alert').filter({ hasText: 'data-thang-12.csv' }).count()).toBe(
      0,
    );
  });
});
