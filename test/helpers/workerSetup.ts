import { buildImportWorker } from './workerBundle';

/** vitest globalSetup: the import worker built once; every test worker process inherits the path. */
export default async function setup() {
  process.env.LEADPHONE_TEST_IMPORT_WORKER = await buildImportWorker();
}
