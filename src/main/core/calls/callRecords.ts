import { newRowId } from '../db/rowId';
import type { z } from 'zod';
import type { CallStartInput, CallUpdateInput } from '../../../shared/api';
import type { Lead } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { checkPhone } from '../../../shared/phone';
import type { Call } from '../../../shared/softphone';
import { getCall, insertCall, updateCall } from './db/calls';
import { findLeadIdByPhone, getLead } from '../leads/db/leads';
import type { Db } from '../db/open';
import { writeTx } from '../db/writeTx';
import { blockError, callBlock } from '../compliance/callBlock';

/**
 * Opens a call record before the phone dials (or rings); a do-not-call lead, a number on a
 * do-not-call list and a second call within 24 hours are refused. An
 * outbound call to a lead dials the lead's stored number, whatever the renderer sent: an agent
 * with masking on only has `0912 *** 678`, and the record's number is what the phone dials.
 */
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
  if (input.direction === 'outbound') {
    // The do-not-call lists and the 24-hour rule (compliance/callBlock.ts), before any record.
    const block = callBlock(db, { lead: lead ?? null, number: input.number }, now);
    if (block) throw blockError(block);
  }
  const id = newRowId();
  insertCall(db, {
    id,
    leadId: input.leadId,
    direction: input.direction,
    via: 'softphone',
    number:
      lead && input.direction === 'outbound' ? (lead.phone ?? lead.phoneAsGiven) : input.number,
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
  return writeTx(db, () => {
    const call = getCall(db, input.id);
    if (!call) throw new AppError('not_found', 'No call with this id.');
    if (input.leadId !== undefined && input.leadId !== call.leadId) {
      // Only a call with no lead yet may be linked: history never moves between leads.
      if (call.leadId !== null) {
        throw new AppError('invalid_input', 'This call already belongs to a lead.', {
          fields: [{ path: 'leadId', key: 'call_has_lead' }],
        });
      }
      if (!getLead(db, input.leadId)) throw new AppError('not_found', 'No lead with this id.');
    }
    const next: Call = {
      ...call,
      leadId: input.leadId ?? call.leadId,
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
    return getCall(db, input.id)!;
  });
}

/** Screen pop: the lead behind a caller's number, if there is one. */
export function leadForNumber(db: Db, number: string): Lead | null {
  const check = checkPhone(number);
  if (!check.valid) return null;
  const id = findLeadIdByPhone(db, check.e164);
  return (id && getLead(db, id)) || null;
}
