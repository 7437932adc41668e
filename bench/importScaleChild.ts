// One import in a process of its own, as the host or the desktop app runs it: a real core (its
// checkpointer, its main connection) and the import worker. Prints one JSON line of figures.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createCore } from '../src/main/core';
import { silentLog } from '../src/main/core/infra/log';
import { importInWorker } from '../src/main/core/intake/importInWorker';

const [csv, dir] = process.argv.slice(2) as [string, string];
const mb = (bytes: number) => bytes / (1 << 20);

async function main() {
  const dbPath = join(dir, 'leadphone.db');
  const core = createCore({ dbPath, log: silentLog });
  const walBytes = () => {
    try {
      return statSync(`${dbPath}-wal`).size;
    } catch {
      return 0;
    }
  };
  // The main thread keeps serving the queue while the import runs, as the app does.
  const read = () => void core.dispatch('leads.list', { stage: 'new', limit: 50 });
  const loop = monitorEventLoopDelay({ resolution: 1 });

  // Baseline: the same reads for 2 s with no import running.
  const idleTimer = setInterval(read, 20);
  loop.enable();
  await new Promise((r) => setTimeout(r, 2000));
  loop.disable();
  clearInterval(idleTimer);
  const idleBlockMs = loop.max / 1e6;
  loop.reset();

  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  let walPeak = walBytes();
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    walPeak = Math.max(walPeak, walBytes());
    read();
  }, 20);
  loop.enable();
  const t = performance.now();
  const report = await importInWorker({
    dbPath,
    file: { path: csv },
    mapping: {
      hasHeader: true,
      columns: { name: 0, phone: 1, source: 2, note: 3, receivedAt: 4 },
      defaultSource: '',
    },
    now: Date.UTC(2026, 10, 23, 2),
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  const ms = performance.now() - t;
  loop.disable();
  clearInterval(sampler);
  if (!report.balanced) throw new Error('import report does not add up');
  // Memory given back once the worker is gone.
  await new Promise((r) => setTimeout(r, 1000));
  (globalThis as { gc?: () => void }).gc?.();
  const rssAfter = process.memoryUsage().rss;
  const walAfter = walBytes();
  core.close();
  console.log(
    JSON.stringify({
      rows: report.counts.rowsRead,
      ms,
      walPeakMb: mb(walPeak),
      walAfterMb: mb(walAfter),
      rssBeforeMb: mb(rssBefore),
      rssPeakMb: mb(rssPeak),
      rssAfterMb: mb(rssAfter),
      blockMaxMs: loop.max / 1e6,
      blockP99Ms: loop.percentile(99) / 1e6,
      idleBlockMaxMs: idleBlockMs,
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
