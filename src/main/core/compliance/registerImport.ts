import type { DncRegisterInfo } from '../../../shared/api/compliance';
import type { Db } from '../db/open';
import {
  dropNextRegister,
  insertNextRegister,
  startNextRegister,
  swapInNextRegister,
} from './db/register';
import { readRegisterFile } from './registerFile';

export interface RegisterJob {
  path: string;
  fileName: string;
  fileDate: number;
  now: number;
}

/** Reading is most of the work; writing sorted keys goes fast. */
const READ_SHARE = 0.7;
const BATCH = 50_000;

/**
 * Reads the operator's file whole, writes its numbers beside the register in force and swaps
 * them in with one transaction. A refused file, a crash or a full disk before the swap leave
 * the register in force as it was.
 */
export async function importRegister(
  db: Db,
  job: RegisterJob,
  options: {
    onProgress?: (fraction: number, numbers: number) => void;
    afterBatch?: () => void;
  } = {},
): Promise<DncRegisterInfo> {
  const read = await readRegisterFile(job.path, (f, n) => options.onProgress?.(f * READ_SHARE, n));
  startNextRegister(db);
  try {
    for (let from = 0; from < read.count; from += BATCH) {
      const to = Math.min(read.count, from + BATCH);
      insertNextRegister(db, read.keys, from, to);
      options.afterBatch?.();
      options.onProgress?.(READ_SHARE + ((1 - READ_SHARE) * to) / read.count, read.count);
    }
    const info: DncRegisterInfo = {
      fileName: job.fileName,
      fileDate: job.fileDate,
      importedAt: job.now,
      numbers: read.count,
      invalidLines: read.invalidLines,
    };
    swapInNextRegister(db, info);
    return info;
  } catch (err) {
    dropNextRegister(db);
    throw err;
  }
}
