import { buildImportWorker, DNC_WORKER_BUNDLE } from './workerBundle';

/** vitest globalSetup: the import worker built once; every test worker process inherits the path. */
export default async function setup() {
  process.env.LEADPHONE_TEST_IMPORT_WORKER = await buildImportWorker();
  process.env.LEADPHONE_TEST_DNC_WORKER = DNC_WORKER_BUNDLE;
}
