/*
 * The program of the national register's import thread (see registerInWorker.ts): its own
 * connection, so reading and writing millions of numbers never holds the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open';
import { workerFailure } from '../plumbing/workerFailure';
import { importRegister, type RegisterJob } from './registerImport';
import type { RegisterReply } from './registerWorkerMessages';

const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;
const PROGRESS_EVERY_MS = 250;

const port = parentPort!;
const job = workerData as RegisterJob & { dbPath: string };
const send = (reply: RegisterReply) => port.postMessage(reply);

async function run(): Promise<void> {
  const db = openDatabase(job.dbPath);
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  let last = 0;
  try {
    const info = await importRegister(db, job, {
      onProgress: (fraction, numbers) => {
        if (performance.now() - last < PROGRESS_EVERY_MS) return;
        last = performance.now();
        send({ type: 'progress', fraction, numbers });
      },
      // Between batches: copy the WAL back so the next batch starts it from its beginning.
      afterBatch: () => void db.pragma('wal_checkpoint(PASSIVE)'),
    });
    send({ type: 'done', info });
  } finally {
    db.close();
  }
}

run().catch((err: unknown) => {
  send({ type: 'failed', error: workerFailure(err, job.dbPath).toData() });
});
