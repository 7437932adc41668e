// Run by importCancel.test.ts in a child process (node --import tsx): imports a file and
// reports each committed batch on stdout, until the test kills it. Progress comes in the middle
// of a batch too, so it would not say how many batches are in: `afterBatch` does.
import { openDatabase } from '../../../src/main/core/db/open';
import { importLeads } from '../../../src/main/core/intake';
import { standardMapping } from './importRig';

async function main() {
  const [dbPath, csvPath, batchSize] = process.argv.slice(2);
  const db = openDatabase(dbPath!);
  await importLeads(db, { path: csvPath! }, standardMapping, {
    now: Date.UTC(2026, 10, 23, 2),
    batchSize: Number(batchSize),
    afterBatch: () => process.stdout.write('written\n'),
  });
  process.stdout.write('finished\n');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
