import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importLeads } from '../../../src/main/core/intake';
import { csvLine, importRig, standardMapping, type ImportRig } from './importRig';

// A full collection on demand, so what the heap holds is what is still reachable.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapUsed = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

describe('the report of a large import', () => {
  let t: ImportRig;
  beforeEach(() => {
    t = importRig();
  });
  afterEach(() => t.dispose());

  it('keeps its lines, not the chunks of the file they were read from', async () => {
    // 4,000 rows of ~2,000 characters (16 MB as V8 holds accented text), one in 40 flagged:
    // 100 report lines spread over every 1 MiB chunk the parser read.
    const note = 'Khách hỏi giá, muốn tư vấn thêm. '.repeat(60);
    const rows = ['Họ tên,SĐT,Nguồn,Ghi chú,Thời gian'];
    for (let i = 0; i < 4_000; i++) {
      // An invalid number, kept in the report as given; V8 keeps a cut of 13+ characters as a
      // slice of the text it was cut from.
      const phone = i % 40 === 0 ? `000 000 000 ${100_000 + i}` : `09${String(10_000_000 + i)}`;
      rows.push(csvLine([`Nguyễn Thị Hồng Nhung ${i}`, phone, 'Facebook', note, '']));
    }
    const path = t.file('long-notes.csv', rows.join('\r\n'));

    const report = await importLeads(t.core.db, { path }, standardMapping, {
      now: t.clock.now(),
    });
    expect(report.lines).toHaveLength(100);
    const withLines = heapUsed();
    // Emptied in place: whatever else refers to the array sees it empty too.
    report.lines.length = 0;
    const withoutLines = heapUsed();
    // 100 names and numbers are a few kilobytes; the chunks of the file would be megabytes.
    expect(withLines - withoutLines).toBeLessThan(1 << 20);
    // A 10 MB file written and imported on a machine shared with other work.
  }, 60_000);
});
