import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { join } from 'node:path';
import { tempDir } from '../test/helpers/tempDir';
import { messyCsv } from './messyLeads';
import { round, type Bench, type BenchResult } from './types';

const LARGE_ROWS = 2_000_000;
const SMALL_ROWS = 100_000;
const PART_ROWS = 100_000;

/** A messy CSV of `rows` rows written in parts, so the bench never holds the whole file. */
function writeMessyCsv(path: string, rows: number): void {
  for (let part = 0; part * PART_ROWS < rows; part++) {
    const text = messyCsv(Math.min(PART_ROWS, rows - part * PART_ROWS), 100 + part);
    // Every part but the first without its BOM and header line.
    if (part === 0) writeFileSync(path, text);
    else appendFileSync(path, text.slice(text.indexOf('\r\n') + 2));
  }
}

interface ChildFigures {
  rows: number;
  ms: number;
  walPeakMb: number;
  walAfterMb: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
  blockMaxMs: number;
  blockP99Ms: number;
  idleBlockMaxMs: number;
}

/**
 * The child and the import worker bundled as the app bundles them (no TypeScript compiler in
 * the process, the worker found beside the bundle), under node_modules so their own imports
 * (better-sqlite3, zod…) resolve from there.
 */
const bundleDir = join(__dirname, '..', 'node_modules', '.cache', 'leadphone-bench');

async function bundleChild(): Promise<string> {
  mkdirSync(bundleDir, { recursive: true });
  writeFileSync(join(bundleDir, 'package.json'), '{ "type": "module" }\n');
  await build({
    entryPoints: {
      importScaleChild: join(__dirname, 'importScaleChild.ts'),
      importWorker: join(__dirname, '..', 'src', 'main', 'core', 'intake', 'importWorker.ts'),
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    outdir: bundleDir,
    logLevel: 'error',
  });
  return join(bundleDir, 'importScaleChild.js');
}

function importInChild(child: string, csv: string, dir: string): ChildFigures {
  const run = spawnSync(process.execPath, ['--expose-gc', child, csv, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`import child failed: ${run.stderr.slice(0, 1000)}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ChildFigures;
}

/**
 * `import.2m.*` and `import.100k.main_loop_block_max_ms`: a whole import in a process of its
 * own (a real core with its checkpointer, the import worker), the WAL's size and the process's
 * memory sampled every 20 ms, and the main thread's longest block while it serves a page of the
 * queue every 20 ms — beside the same reads' longest block with no import running.
 */
export const importScaleBench: Bench = {
  name: 'import at scale',
  async run(): Promise<BenchResult[]> {
    const dir = tempDir('leadphone-bench-import-scale-');
    try {
      const child = await bundleChild();
      const small = join(dir.path, 'leads-100k.csv');
      writeMessyCsv(small, SMALL_ROWS);
      const smallDir = join(dir.path, 'small');
      mkdirSync(smallDir);
      const s = importInChild(child, small, smallDir);
      console.log(`  100k: ${JSON.stringify(s)}`);
      const large = join(dir.path, 'leads-2m.csv');
      writeMessyCsv(large, LARGE_ROWS);
      const bigDir = join(dir.path, 'big');
      mkdirSync(bigDir);
      const l = importInChild(child, large, bigDir);
      console.log(`  2m: ${JSON.stringify(l)}`);
      return [
        {
          name: 'import.100k.main_loop_block_max_ms',
          value: round(s.blockMaxMs, 1),
          unit: 'ms',
          goal: `under 50 (same reads, no import: ${round(s.idleBlockMaxMs, 1)} ms)`,
        },
        {
          name: 'import.2m.wal_max_mb',
          value: round(l.walPeakMb, 1),
          unit: 'MB',
          goal: `under 256 (after the import: ${round(l.walAfterMb, 1)} MB)`,
        },
        {
          name: 'import.2m.rss_peak_mb',
          value: round(l.rssPeakMb, 0),
          unit: 'MB',
          goal: `under 400 (before: ${round(l.rssBeforeMb, 0)} MB, after: ${round(l.rssAfterMb, 0)} MB)`,
        },
        {
          name: 'import.2m.rows_per_s',
          value: Math.round(l.rows / (l.ms / 1000)),
          unit: 'rows/s',
          goal: `informational (${l.rows} rows in ${Math.round(l.ms / 1000)} s)`,
        },
        {
          name: 'import.2m.main_loop_block_max_ms',
          value: round(l.blockMaxMs, 1),
          unit: 'ms',
          goal: `informational (p99 ${round(l.blockP99Ms, 1)} ms)`,
        },
      ];
    } finally {
      dir.remove();
    }
  },
};
