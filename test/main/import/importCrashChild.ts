// Run by importCrash.test.ts in a child process (node --import tsx): imports a file and
// reports each written batch on stdout, until the test kills it.
import { openDatabase } from '../../../src/main/core/db/open';
import { importLeads } from '../../../src/main/core/import';
import { standardMapping } from './importRig';

async function main() {
  const [dbPath, csvPath, batchSize] = process.argv.slice(2);
  const db = openDatabase(dbPath!);
  await importLeads(db, { path: csvPath! }, standardMapping, {
    now: Date.UTC(2026, 10, 23, 2),
    batchSize: Number(batchSize),
    onProgress: (done) => process.stdout.write(`written ${done}\n`),
  });
  process.stdout.write('finished\n');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
