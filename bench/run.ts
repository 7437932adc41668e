import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { accessBench } from './access.bench';
import { backupBench } from './backup.bench';
import { dispositionsBench } from './dispositions.bench';
import { dncBench } from './dnc.bench';
import { exportBench } from './export.bench';
import { importBench } from './import.bench';
import { importScaleBench } from './importScale.bench';
import { queuePageBench } from './queuePage.bench';
import { remindersBench } from './reminders.bench';
import { serverBench } from './server.bench';
import { sipBench } from './sip.bench';
import { syncBench } from './sync.bench';
import type { Bench, BenchResult } from './types';

// `npm run bench [-- name-filter]`: real SQLite files, data generated here; never part of CI's tests.
const benches: Bench[] = [
  queuePageBench,
  dispositionsBench,
  remindersBench,
  importBench,
  importScaleBench,
  exportBench,
  sipBench,
  syncBench,
  backupBench,
  accessBench,
  serverBench,
  dncBench,
];

async function main() {
  const filter = process.argv[2];
  const results: BenchResult[] = [];
  for (const bench of benches) {
    if (filter && !bench.name.includes(filter)) continue;
    console.log(`▶ ${bench.name}`);
    results.push(...(await bench.run()));
  }
  console.table(results.map((r) => ({ name: r.name, value: r.value, unit: r.unit, goal: r.goal })));
  // A filtered run updates its own figures and keeps the others.
  const file = join(__dirname, 'results.json');
  const kept = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResult[]).filter(
        (old) => !results.some((r) => r.name === old.name),
      )
    : [];
  writeFileSync(file, `${JSON.stringify([...kept, ...results], null, 2)}\n`);
  console.log(`written ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
