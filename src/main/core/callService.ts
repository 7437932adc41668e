import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CallStartInput, CallUpdateInput } from '../../shared/api';
import type { Lead } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { checkPhone } from '../../shared/phone';
import type { Call } from '../../shared/softphone';
import { getCall, insertCall, updateCall } from './db/calls';
import { findLeadIdByPhone, getLead } from './db/leads';
import type { Db } from './db/open';

/** Opens a call record before the phone dials (or rings); a do-not-call lead is refused. */
export function startCall(db: Db, input: z.output<typeof CallStartInput>, now: number): Call {
  let lead: Lead | undefined;
  if (input.leadId) {
    lead = getLead(db, input.leadId);
    if (!lead) throw new AppError('not_found', 'No lead with this id.');
    if (input.direction === 'outbound' && lead.doNotCall) {
      throw new AppError(
        'do_not_call',
        'This customer asked not to be called again (do-not-call).',
        {
          data: { leadId: lead.id },
        },
      );
    }
  }
  const id = randomUUID();
  insertCall(db, {
    id,
    leadId: input.leadId,
    direction: input.direction,
    via: 'softphone',
    number: input.number,
    accountId: input.accountId,
    startedAt: now,
    answeredAt: null,
    endedAt: null,
    talkSeconds: 0,
    sipCallId: null,
    endCause: null,
  });
  return getCall(db, id)!;
}

/** Records what the phone saw; talk time follows from the answer and end times. */
export function updateCallRecord(db: Db, input: z.output<typeof CallUpdateInput>): Call {
  return db.transaction(() => {
    const call = getCall(db, input.id);
    if (!call) throw new AppError('not_found', 'No call with this id.');
    const next: Call = {
      ...call,
      answeredAt: input.answeredAt ?? call.answeredAt,
      endedAt: input.endedAt ?? call.endedAt,
      sipCallId: input.sipCallId ?? call.sipCallId,
      endCause: input.endCause ?? call.endCause,
      quality: input.quality ?? call.quality,
    };
    next.talkSeconds =
      next.answeredAt !== null && next.endedAt !== null
        ? Math.max(0, Math.round((next.endedAt - next.answeredAt) / 1000))
        : 0;
    updateCall(db, next);
    return next;
  })();
}

/** Screen pop: the lead behind a caller's number, if there is one. */
export function leadForNumber(db: Db, number: string): Lead | null {
  const check = checkPhone(number);
  if (!check.valid) return null;
  const id = findLeadIdByPhone(db, check.e164);
  return (id && getLead(db, id)) || null;
}
