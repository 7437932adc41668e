import type { DncRegisterInfo } from '../../../shared/api/compliance';
import type { ApiError } from '../../../shared/errors';

/** Register import worker → main. */
export type RegisterReply =
  | { type: 'progress'; fraction: number; numbers: number }
  | { type: 'done'; info: DncRegisterInfo }
  | { type: 'failed'; error: ApiError };
