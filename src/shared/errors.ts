// Errors cross the main↔renderer boundary as data: a stable code the UI translates,
// an English message for logs and tests, and optional details (e.g. which form field).
export const errorCodes = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'duplicate_lead',
  'workflow_rejected',
  'do_not_call',
  /** The number is on a do-not-call list; `data.list` says which, `data.reason` why. */
  'dnc_blocked',
  /** A second call within 24 hours (Decree 91); `data.allowedFrom` says from when. */
  'call_too_soon',
  /** A national register file that cannot be taken whole; `data.reason` says why. */
  'dnc_file_refused',
  'db_too_new',
  'db_corrupt',
  /** No room left on the disk: nothing was written; what was stored before is intact. */
  'disk_full',
  'backup_invalid',
  'bundle_invalid',
  'agent_missing',
  'forbidden',
  'pin_wrong',
  'pin_locked',
  'pin_exists',
  'pin_not_set',
  'transport_closed',
  /** A request key already used by another write (a repeat must send the same payload). */
  'idempotency_conflict',
  /** The team server cannot be reached (the work is kept and goes up when it can). */
  'team_unreachable',
  /** The team server said no; `data.reason` carries its code (enrolment_code_expired, …). */
  'team_refused',
  /** This install is not connected to a team server. */
  'team_not_linked',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** One problem with one input field; `key` is an i18n key under `errors.`. */
export interface FieldIssue {
  path: string;
  key: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  fields?: FieldIssue[];
  /** Extra machine-readable context, e.g. the id of the existing lead for `duplicate_lead`. */
  data?: Record<string, string | number | boolean | null>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Pick<ApiError, 'fields' | 'data'> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): ApiError {
    return { code: this.code, message: this.message, ...this.extra };
  }
}
