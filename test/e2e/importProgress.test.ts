import { describe, expect, it } from 'vitest';
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
