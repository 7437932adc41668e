import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/core/db/open';
import { searchLeads } from '../../../src/main/core/leads/db/search';
import { importLeads } from '../../../src/main/core/intake';
import { csvLine, importRig, standardMapping, type ImportRig } from './importRig';

/** `rows` leads with distinct valid numbers: every row becomes a lead, so leads = rows written. */
function distinctLeadsCsv(rows: number): string {
  const lines = [csvLine(['Họ tên', 'SĐT', 'Nguồn', 'Ghi chú', 'Thời gian'])];
  for (let i = 0; i < rows; i++) {
    lines.push(
      csvLine([`Khách ${i}`, `09${String(10_000_000 + i)}`, 'Facebook', `ghi chú ${i}`, '']),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function checkConsistent(db: Database.Database, batchSize: number) {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  // FTS5's own check of its index, and nothing left paused.
  db.prepare("INSERT INTO lead_search (lead_search) VALUES ('integrity-check')").run();
  expect(db.prepare('SELECT count(*) FROM lead_search_paused').pluck().get()).toBe(0);
  const leads = db.prepare('SELECT count(*) FROM leads').pluck().get() as number;
  expect(leads % batchSize).toBe(0);
  // Every written lead is in the search index, and the counts per stage add up.
  expect(db.prepare('SELECT count(*) FROM lead_search').pluck().get()).toBe(leads);
  expect(db.prepare("SELECT n FROM stage_counts WHERE stage = 'new'").pluck().get()).toBe(leads);
  return leads;
}

describe('an import that stops part-way', () => {
  let t: ImportRig;
  beforeEach(() => {
    t = importRig();
  });
  afterEach(() => t.dispose());

  it('cancelled through its AbortSignal, leaves the batches written before it, whole', async () => {
    const path = t.file('many.csv', distinctLeadsCsv(100));
    const abort = new AbortController();
    const report = await importLeads(t.core.db, { path }, standardMapping, {
      now: t.clock.now(),
      batchSize: 10,
      signal: abort.signal,
      onProgress: ({ done }) => {
        if (done === 30) abort.abort();
      },
    });
    expect(report.cancelled).toBe(true);
    expect(report.counts).toMatchObject({ rowsRead: 30, newLeads: 30 });
    expect(report.balanced).toBe(true);
    expect(checkConsistent(t.core.db, 10)).toBe(30);
    expect(
      searchLeads(t.core.db, { query: 'khach 29', limit: 5, cursor: null }).items,
    ).toHaveLength(1);
    expect(searchLeads(t.core.db, { query: 'khach 30', limit: 5, cursor: null }).items).toEqual([]);

    // Importing the file again finishes the job.
    const rest = await importLeads(t.core.db, { path }, standardMapping, { now: t.clock.now() });
    expect(rest.counts).toMatchObject({ rowsRead: 100, newLeads: 70, mergedDuplicates: 30 });
  });

  it('cancelled before it starts, writes nothing', async () => {
    const path = t.file('few.csv', distinctLeadsCsv(5));
    const report = await importLeads(t.core.db, { path }, standardMapping, {
      now: t.clock.now(),
      signal: AbortSignal.abort(),
    });
    expect(report).toMatchObject({ cancelled: true, counts: { rowsRead: 0 } });
    expect(t.leads()).toEqual([]);
  });

  it('killed with SIGKILL in a child process, leaves a readable database with whole batches', async () => {
    const batchSize = 500;
    const rows = 40_000;
    const csv = t.file('big.csv', distinctLeadsCsv(rows));
    const dbPath = join(t.dir, 'crash.db');
    openDatabase(dbPath).close();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'importCrashChild.ts'), dbPath, csv, String(batchSize)],
      { cwd: join(__dirname, '..', '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exit = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // Kill it a little after its third batch: somewhere in the middle of writing another.
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if ((out.match(/written/g) ?? []).length === 3) {
          setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 25);
        }
      });
      child.on('exit', () => reject(new Error(`child exited first: ${out} ${err}`)));
    });
    expect(await exit).toBe('SIGKILL');
    expect(out).not.toContain('finished');

    const db = new Database(dbPath);
    try {
      const leads = checkConsistent(db, batchSize);
      expect(leads).toBeGreaterThanOrEqual(3 * batchSize);
      expect(leads).toBeLessThan(rows);
    } finally {
      db.close();
    }
    // The app opens it, and importing again completes it.
    const again = openDatabase(dbPath);
    try {
      const report = await importLeads(again, { path: csv }, standardMapping, { now: 1 });
      expect(report.counts.rowsRead).toBe(rows);
      expect(again.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(rows);
    } finally {
      again.close();
    }
  }, 60_000);
});
