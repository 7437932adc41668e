import type { ServerErrorCode } from '../../shared/team/protocol';

const statusOf: Record<ServerErrorCode, number> = {
  unauthorized: 401,
  device_revoked: 401,
  forbidden: 403,
  forbidden_change: 403,
  batch_conflict: 409,
  invalid_input: 400,
  enrolment_code_invalid: 400,
  enrolment_code_expired: 400,
  agent_code_taken: 409,
  not_found: 404,
  too_large: 413,
  unavailable: 503,
  internal: 500,
};

/** An error the server answers with on purpose: its code, an English message, and a status. */
export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: ServerErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.status = statusOf[code];
  }
}
