import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from '../src/main/core/db/migrations';
import { openDatabase, type Db } from '../src/main/core/db/open';
import { searchLeads } from '../src/main/core/leads/db/search';
import { importLeads } from '../src/main/core/intake';
import { foldText } from '../src/shared/foldText';
import type { ImportReport } from '../src/shared/importTypes';
import { tempDir } from '../test/helpers/tempDir';
import { messyCsv, notes, picker, vietnameseName } from './messyLeads';
import { seededRandom } from './seedLeads';
import { percentile, round, type Bench, type BenchResult } from './types';

const IMPORT_ROWS = 100_000;
const RUNS = 3;
const SEARCH_LEADS = 1_000_000;
const QUERIES = 2_000;
const SQLITE3 = process.env.SQLITE3_PATH ?? '/usr/bin/sqlite3';
const NOW = Date.UTC(2026, 10, 23, 2);

/**
 * The app's schema without the search index: Debian's sqlite3 (3.40) cannot open the trigram
 * tokenizer's remove_diacritics (SQLite 3.45) nor contentless_delete (3.43), so its leads table
 * gets every column, index and trigger but those of the index.
 */
function withoutSearchIndex(path: string): Db {
  const db = openDatabase(path);
  db.exec(`
    DROP TRIGGER leads_search_insert;
    DROP TRIGGER leads_search_update;
    DROP TRIGGER leads_search_delete;
    DROP TABLE lead_search;
  `);
  return db;
}

/** For comparison only: the importer with the FTS5 index replaced by a plain table. */
function withPlainSearchTable(path: string): Db {
  const db = withoutSearchIndex(path);
  db.exec('CREATE TABLE lead_search (name, phone, note)');
  return db;
}

const median = (xs: number[]) => percentile(xs, 50);

async function timeImport(
  path: string,
  csv: string,
  searchIndex = true,
): Promise<{ ms: number; report: ImportReport; db: Db }> {
  const db = searchIndex ? openDatabase(path) : withPlainSearchTable(path);
  const t = performance.now();
  const report = await importLeads(
    db,
    { path: csv },
    {
      hasHeader: true,
      columns: { name: 0, phone: 1, source: 2, note: 3, receivedAt: 4 },
      defaultSource: '',
    },
    { now: NOW },
  );
  const ms = performance.now() - t;
  if (!report.balanced) throw new Error('import report does not add up');
  return { ms, report, db };
}

const CLEAN_COLUMNS = [
  'id',
  'name',
  'phone_e164',
  'phone_as_given',
  'source',
  'note',
  'stage',
  'next_action',
  'received_at',
  'created_at',
  'updated_at',
];

/** The rows an import produced, as the clean CSV the sqlite3 CLI loads. */
function writeCleanCsv(db: Db, path: string): number {
  const quote = (v: unknown) => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = db
    .prepare(`SELECT ${CLEAN_COLUMNS.join(', ')} FROM leads`)
    .raw()
    .all() as unknown[][];
  writeFileSync(path, rows.map((r) => r.map(quote).join(',')).join('\n') + '\n');
  return rows.length;
}

/** `sqlite3 .import` of the clean rows into the leads table (same columns, indexes, triggers). */
function timeCli(
  dir: string,
  name: string,
  cleanCsv: string,
  expected: number,
  cacheKib?: number,
): number {
  const dbPath = join(dir, `${name}.db`);
  withoutSearchIndex(dbPath).close();
  // .import fills every column of its target; a view over the columns a file carries, with an
  // INSTEAD OF trigger, loads them into the real table (empty phone → NULL, like the app).
  const setup = join(dir, 'cli-setup.sql');
  writeFileSync(
    setup,
    `PRAGMA synchronous = NORMAL;${cacheKib ? ` PRAGMA cache_size = -${cacheKib};` : ''}
     CREATE TEMP VIEW leads_in AS SELECT ${CLEAN_COLUMNS.join(', ')} FROM main.leads;
     CREATE TEMP TRIGGER leads_in_insert INSTEAD OF INSERT ON leads_in BEGIN
       INSERT INTO leads (${CLEAN_COLUMNS.join(', ')})
       VALUES (${CLEAN_COLUMNS.map((c) => (c === 'phone_e164' ? "nullif(NEW.phone_e164, '')" : `NEW.${c}`)).join(', ')});
     END;`,
  );
  const t = performance.now();
  const run = spawnSync(
    SQLITE3,
    [dbPath, '-cmd', `.read ${setup}`, `.import --csv ${cleanCsv} leads_in`],
    {
      encoding: 'utf8',
    },
  );
  const ms = performance.now() - t;
  if (run.status !== 0 || run.stderr.trim() !== '') {
    throw new Error(`sqlite3 failed: ${run.stderr.slice(0, 500)}`);
  }
  const check = openDatabase(dbPath);
  const n = (check.prepare('SELECT count(*) FROM leads').pluck().get() as number) ?? 0;
  check.close();
  if (n !== expected) throw new Error(`sqlite3 loaded ${n} rows, expected ${expected}`);
  return ms;
}

/** 1,000,000 leads with Vietnamese names, notes and unique numbers, then migration 0040. */
function seedSearchDb(path: string): { db: Db; seedMs: number; indexMs: number } {
  const t = performance.now();
  // Seeded at version 30, so that migration 0040 builds the index in one pass, as it would
  // on an agent's existing database.
  const db = openDatabase(
    path,
    migrations.filter((m) => m.version < 40),
  );
  const rnd = seededRandom(5);
  const pick = picker(rnd);
  const insert = db.prepare(
    `INSERT INTO leads (id, name, phone_e164, phone_as_given, source, note, stage, next_action,
       next_action_at, customer_status, received_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'Facebook', ?, 'new', 'call_now', NULL, NULL, ?, ?, ?)`,
  );
  db.pragma('cache_size = -524288');
  db.pragma('synchronous = OFF');
  const step = 100_000;
  for (let from = 0; from < SEARCH_LEADS; from += step) {
    db.transaction(() => {
      for (let i = from; i < from + step; i++) {
        // Unique numbers across the mobile ranges (a multiplicative walk over 10^8).
        const n = String((i * 48_271 + 12_345) % 100_000_000).padStart(8, '0');
        const phone = `+84${pick(['3', '5', '7', '8', '9'])}${n}`;
        const at = NOW - i * 60_000;
        insert.run(randomUUID(), vietnameseName(pick), phone, phone, pick(notes), at, at, at);
      }
    })();
  }
  db.close();
  const seedMs = performance.now() - t;
  const m = performance.now();
  const full = openDatabase(path); // runs 0040: builds the index over the million leads
  const indexMs = performance.now() - m;
  full.pragma('synchronous = NORMAL');
  return { db: full, seedMs, indexMs };
}

function searchQueries(db: Db): string[] {
  const rnd = seededRandom(9);
  const pick = picker(rnd);
  const sample = db
    .prepare('SELECT name, phone_e164 FROM leads WHERE rowid % 499 = 0')
    .raw()
    .all() as [string, string][];
  const queries: string[] = [];
  for (let i = 0; i < QUERIES + 200; i++) {
    const [name, phone] = pick(sample);
    const words = foldText(name).split(' ');
    const r = rnd();
    if (r < 0.2) queries.push(words[0]!);
    else if (r < 0.35) queries.push(words.join(' '));
    else if (r < 0.45)
      queries.push(name); // typed with diacritics
    else if (r < 0.55) queries.push(words[2]!);
    else if (r < 0.8) {
      const digits = `0${phone.slice(3)}`;
      const len = 4 + Math.floor(rnd() * 6);
      const at = Math.floor(rnd() * (digits.length - len + 1));
      queries.push(digits.slice(at, at + len));
    } else if (r < 0.9)
      queries.push(pick(['lieu trinh', 'giao hang', 'goi lai', 'can nhac', 'ha noi']));
    else
      queries.push(pick(['xyzq', 'nguyen van zzz', '99999999', 'tran thi khong', 'Đặng Xuân Zơ']));
  }
  return queries;
}

/**
 * `import.100k.*`: a generated messy 100,000-row CSV through the importer, against Debian's
 * sqlite3 `.import` of the same rows, clean, into a leads table of the same shape, in the same
 * run (median of three each, interleaved).
 */
export async function measureImport(dir: string): Promise<BenchResult[]> {
  const csv = join(dir, 'leads.csv');
  writeFileSync(csv, messyCsv(IMPORT_ROWS));
  const cleanCsv = join(dir, 'clean.csv');
  const ours: number[] = [];
  const cli: number[] = [];
  const cliSameCache: number[] = [];
  const oursWithoutSearch: number[] = [];
  let cleanRows = 0;
  for (let run = 0; run < RUNS; run++) {
    const { ms, report, db } = await timeImport(join(dir, `ours-${run}.db`), csv);
    if (run === 0) {
      cleanRows = writeCleanCsv(db, cleanCsv);
      console.log(`  import report: ${JSON.stringify(report.counts)}`);
    }
    db.close();
    ours.push(ms);
    cli.push(timeCli(dir, `cli-${run}`, cleanCsv, cleanRows));
    cliSameCache.push(timeCli(dir, `cli-cache-${run}`, cleanCsv, cleanRows, 64 * 1024));
    const bare = await timeImport(join(dir, `bare-${run}.db`), csv, false);
    bare.db.close();
    oursWithoutSearch.push(bare.ms);
  }
  const oursMs = median(ours);
  const cliMs = median(cli);
  const list = (xs: number[]) => xs.map(Math.round).join('/');
  console.log(
    `  importer ${list(ours)} ms (without the search index ${list(oursWithoutSearch)} ms); ` +
      `sqlite3 .import ${list(cli)} ms (64 MiB cache: ${list(cliSameCache)} ms); ${cleanRows} leads`,
  );
  return [
    {
      name: 'import.100k.rows_per_s',
      value: Math.round(IMPORT_ROWS / (oursMs / 1000)),
      unit: 'rows/s',
      goal: 'informational (messy CSV: BOM, CRLF, number forms, duplicates; search index)',
    },
    {
      name: 'import.100k.ratio_vs_sqlite_cli',
      value: round(oursMs / cliMs, 2),
      unit: '×',
      goal: 'at most 2 (sqlite3 .import of the same rows, clean, into the same leads table)',
    },
    {
      name: 'import.100k.ratio_vs_sqlite_cli_same_cache',
      value: round(oursMs / median(cliSameCache), 2),
      unit: '×',
      goal: 'informational (sqlite3 given the 64 MiB page cache the importer uses)',
    },
    {
      name: 'import.100k.ratio_vs_sqlite_cli_without_search_index',
      value: round(median(oursWithoutSearch) / cliMs, 2),
      unit: '×',
      goal: 'informational (the importer with its FTS5 index replaced by a plain table)',
    },
  ];
}

/** `search.1m.*`: mixed queries, a page of 50, on 1,000,000 leads. */
export async function measureSearch(dir: string): Promise<BenchResult[]> {
  const { db, seedMs, indexMs } = seedSearchDb(join(dir, 'search.db'));
  console.log(
    `  seeded ${SEARCH_LEADS.toLocaleString('en')} leads in ${Math.round(seedMs)} ms; ` +
      `migration 0040 indexed them in ${Math.round(indexMs)} ms`,
  );
  const samples: number[] = [];
  searchQueries(db).forEach((query, i) => {
    const t = performance.now();
    searchLeads(db, { query, limit: 50, cursor: null });
    const ms = performance.now() - t;
    if (i >= 200) samples.push(ms); // the first 200 warm the page cache
  });
  db.close();
  return [
    {
      name: 'search.1m.p99_ms',
      value: round(percentile(samples, 99)),
      unit: 'ms',
      goal: 'under 20 ms (page of 50, 1,000,000 leads)',
    },
    {
      name: 'search.1m.median_ms',
      value: round(percentile(samples, 50)),
      unit: 'ms',
      goal: 'informational',
    },
  ];
}

export const importBench: Bench = {
  name: 'import and search',
  async run() {
    const dir = tempDir('leadphone-bench-import-');
    try {
      return [...(await measureImport(dir.path)), ...(await measureSearch(dir.path))];
    } finally {
      dir.remove();
    }
  },
};
