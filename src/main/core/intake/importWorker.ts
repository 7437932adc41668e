/*
 * The program of the import worker thread (see importInWorker.ts). It opens its own connection
 * to the database, so a 2,000,000-row file is parsed and written without holding the main
 * thread: the app keeps answering calls while a batch is being written.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportFile, ImportMappingInput } from '../../../shared/importTypes';
import { recordImportProgress } from './db/importRuns';
import { openDatabase } from '../db/open';
import { workerFailure } from '../plumbing/workerFailure';
import { importLeads } from './importLeads';
import type { WorkerReply, WorkerRequest } from './importWorkerMessages';

/** Above this the WAL is restarted from its beginning after a batch, even if readers wait. */
const WAL_RESTART_BYTES = 64 * 1024 * 1024;
const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;

interface Job {
  dbPath: string;
  file: ImportFile;
  mapping: ImportMappingInput;
  now: number;
  timeZone: string;
  batchSize?: number;
  /** The import's row in `import_runs`, brought up to date with each batch. */
  runId?: string;
}

const port = parentPort!;
const job = workerData as Job;
const abort = new AbortController();
const send = (reply: WorkerReply) => port.postMessage(reply);

port.on('message', (m: WorkerRequest) => {
  if (m.type === 'cancel') abort.abort();
});

async function run(): Promise<void> {
  const db = openDatabase(job.dbPath);
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  try {
    const report = await importLeads(db, job.file, job.mapping, {
      now: job.now,
      timeZone: job.timeZone,
      signal: abort.signal,
      ...(job.batchSize === undefined ? {} : { batchSize: job.batchSize }),
      onProgress: (p) => send({ type: 'progress', ...p }),
      ...(job.runId === undefined
        ? {}
        : {
            inBatch: (done: number, total: number) =>
              recordImportProgress(db, job.runId!, done, total, Date.now()),
          }),
      // Between batches nothing of the import is being written: the moment to copy the WAL
      // into the database, so that the next batch starts it again from its beginning. The
      // checkpointer thread's PASSIVE checkpoints alone cannot keep up with back-to-back batches.
      afterBatch: () => {
        const [r] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
        if (r && r.checkpointed < r.log && r.log * 4096 > WAL_RESTART_BYTES) {
          db.pragma('wal_checkpoint(RESTART)');
        }
      },
    });
    send({ type: 'done', report });
  } finally {
    db.close();
  }
}

run().catch((err: unknown) => {
  send({ type: 'failed', error: workerFailure(err, job.dbPath).toData() });
});
