import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DncRegisterInfo } from '../../../shared/api/compliance';
import { AppError } from '../../../shared/errors';
import type { RegisterJob } from './registerImport';
import type { RegisterReply } from './registerWorkerMessages';

/** The numbers' array lives outside the heap; the heap holds a chunk of lines at a time. */
const WORKER_OLD_SPACE_MB = 128;

/**
 * The bundle's `dncWorker.js`, or, from the sources, the one the test run built
 * (LEADPHONE_TEST_DNC_WORKER, test/helpers/workerBundle.ts), else the TypeScript through tsx.
 */
function workerProgram(): { url: URL; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const built = process.env.LEADPHONE_TEST_DNC_WORKER;
    if (built && existsSync(built)) return { url: pathToFileURL(built), execArgv: [] };
    return { url: new URL('./registerWorker.ts', here), execArgv: ['--import', 'tsx'] };
  }
  for (const candidate of ['./dncWorker.js', '../dncWorker.js']) {
    const url = new URL(candidate, here);
    if (existsSync(fileURLToPath(url))) return { url, execArgv: [] };
  }
  throw new AppError('internal', 'The register import worker is missing from this build.');
}

/** Runs `importRegister` in a worker thread with its own connection to the database file. */
export function registerInWorker(
  job: RegisterJob & { dbPath: string },
  onProgress?: (fraction: number, numbers: number) => void,
): Promise<DncRegisterInfo> {
  const { url, execArgv } = workerProgram();
  const worker = new Worker(url, {
    workerData: job,
    execArgv,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB },
  });
  return new Promise<DncRegisterInfo>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: RegisterReply) => {
      if (m.type === 'progress') onProgress?.(m.fraction, m.numbers);
      else if (m.type === 'done') settle(() => resolve(m.info));
      else settle(() => reject(new AppError(m.error.code, m.error.message, m.error)));
    });
    worker.on('error', (err) =>
      settle(() => reject(new AppError('internal', `The register import stopped: ${String(err)}`))),
    );
    worker.on('exit', (code) =>
      settle(() => reject(new AppError('internal', `The register worker ended (exit ${code}).`))),
    );
  });
}
