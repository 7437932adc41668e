import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { ImportFile, ImportMappingInput, ImportReport } from '../../../shared/importTypes';
import type { ImportProgress } from './importLeads';
import type { WorkerReply, WorkerRequest } from './importWorkerMessages';

/**
 * The worker's JavaScript heap. Left to itself V8 lets a busy import's garbage grow to hundreds
 * of megabytes before a full collection; what an import keeps alive (a batch, the report's
 * lines, at most MAX_REPORT_LINES) fits far within this.
 */
const WORKER_OLD_SPACE_MB = 128;

export interface WorkerImport {
  dbPath: string;
  file: ImportFile;
  mapping: ImportMappingInput;
  now: number;
  timeZone: string;
  batchSize?: number;
  /** Its row in `import_runs`, updated in the transaction of each batch. */
  runId?: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Stops the import after the batch being written, as in-process. */
  signal?: AbortSignal;
}

/**
 * The worker's program: the bundle's `importWorker.js` (an entry of its own, beside the main
 * bundle's files), or, run from the sources (tests, benchmarks), the TypeScript file through tsx.
 */
function workerProgram(): { url: URL; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // The test runs build the worker once (test/helpers/workerBundle.ts): compiling it through
    // tsx at every start costs most of a second, more on a busy machine.
    const built = process.env.LEADPHONE_TEST_IMPORT_WORKER;
    if (built && existsSync(built)) return { url: pathToFileURL(built), execArgv: [] };
    return { url: new URL('./importWorker.ts', here), execArgv: ['--import', 'tsx'] };
  }
  for (const candidate of ['./importWorker.js', '../importWorker.js']) {
    const url = new URL(candidate, here);
    if (existsSync(fileURLToPath(url))) return { url, execArgv: [] };
  }
  throw new AppError('internal', 'The import worker is missing from this build.');
}

/**
 * Runs `importLeads` in a worker thread with its own connection to the database file, so the
 * main thread (IPC, the host, the scheduler, the phone's calls) never waits for a batch. The
 * worker's writes are ordinary commits: the main connection sees them as they land.
 */
export function importInWorker(job: WorkerImport): Promise<ImportReport> {
  const { url, execArgv } = workerProgram();
  const { onProgress, signal, ...data } = job;
  const worker = new Worker(url, {
    workerData: data,
    execArgv,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB },
  });
  const cancel = () => worker.postMessage({ type: 'cancel' } satisfies WorkerRequest);
  return new Promise<ImportReport>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', cancel);
      fn();
      void worker.terminate();
    };
    if (signal?.aborted) cancel();
    signal?.addEventListener('abort', cancel);
    worker.on('message', (m: WorkerReply) => {
      if (m.type === 'progress')
        onProgress?.({ done: m.done, total: m.total, fraction: m.fraction });
      else if (m.type === 'done') settle(() => resolve(m.report));
      else settle(() => reject(new AppError(m.error.code, m.error.message, m.error)));
    });
    worker.on('error', (err) =>
      settle(() => reject(new AppError('internal', `The import stopped: ${String(err)}`))),
    );
    worker.on('exit', (code) =>
      settle(() => reject(new AppError('internal', `The import worker ended (exit ${code}).`))),
    );
  });
}
