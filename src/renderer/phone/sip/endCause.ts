import { EndCause } from '../../../shared/softphone';

export type { EndCause } from '../../../shared/softphone';

/** Why a call ended, as stored in the call record and shown in the call bar. */
export const endCauses = EndCause.options;

/**
 * The end cause of an outgoing call refused with a final response. 487 means the agent
 * cancelled it; everything else is the far end's (or the network's) answer.
 */
export function causeFromStatus(statusCode: number): EndCause {
  switch (statusCode) {
    case 486:
    case 600:
      return 'busy';
    case 480:
      return 'unavailable';
    case 404:
    case 484:
    case 604:
      return 'not_found';
    case 408:
      return 'no_answer';
    case 487:
      return 'cancelled';
    case 603:
      return 'declined';
    default:
      return 'failed';
  }
}
