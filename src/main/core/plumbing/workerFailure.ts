import { dirname } from 'node:path';
import { AppError } from '../../../shared/errors';
import { corrupt } from '../backups/backups';
import { isCorruptionError } from '../db/integrity';
import { diskFullError, isDiskFullError } from '../infra/diskSpace';

/**
 * What main must know of a worker's failure (an import's, the register's): a full disk and a
 * damaged file are not bugs, and say so in their own words.
 */
export function workerFailure(err: unknown, dbPath: string): AppError {
  if (err instanceof AppError) return err;
  if (isDiskFullError(err, dirname(dbPath))) return diskFullError();
  if (isCorruptionError(err)) return corrupt();
  return new AppError('internal', err instanceof Error ? err.message : String(err));
}
