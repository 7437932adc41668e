import type { ApiError } from '../../../shared/errors';
import type { ImportReport } from '../../../shared/importTypes';
import type { ImportProgress } from './importLeads';

/** Main → import worker. */
export type WorkerRequest = { type: 'cancel' };

/** Import worker → main. */
export type WorkerReply =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'done'; report: ImportReport }
  | { type: 'failed'; error: ApiError };
