import { newRowId } from '../db/rowId';
import type { DispositionSaveParsed } from '../../../shared/api';
import type { Settings } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { applyOutcome, type CustomerFields } from '../../../shared/workflow';
import { callExists, insertCall } from '../calls/db/calls';
import { insertDisposition } from './db/dispositions';
import { applyWorkflowUpdate, insertCustomerStatusChange } from '../leads/db/leadEdits';
import { getLead } from '../leads/db/leads';
import { secondPhone } from '../leads/leadDetail';
import type { Db } from '../db/open';
import { insertOrder } from '../orders/db/orders';
import { replacePendingReminder } from '../reminders/db/reminders';
import { getStatus } from './db/statuses';
import { writeTx } from '../db/writeTx';

export interface SavedDisposition {
  dispositionId: string;
  orderId: string | null;
}

/**
 * Saves what happened on a call as one transaction: the call attempt, the disposition, the
 * stage move, the next action, the reminder, the customer status, the contact details and the
 * order. Either all of it is written or none.
 */
export function saveDisposition(
  db: Db,
  input: DispositionSaveParsed,
  settings: Settings,
  now: number,
): SavedDisposition {
  return writeTx(db, (): SavedDisposition => {
    const lead = getLead(db, input.leadId);
    if (!lead) throw new AppError('not_found', 'No lead with this id.');
    const entry = getStatus(db, input.statusCode);
    if (!entry) {
      throw new AppError('invalid_input', `Unknown status: ${input.statusCode}`, {
        fields: [{ path: 'statusCode', key: 'status_unknown' }],
      });
    }
    const result = applyOutcome(lead, entry, input, now, settings);
    if (!result.ok) {
      throw new AppError('workflow_rejected', `The outcome cannot be saved: ${result.error.code}`, {
        fields: [{ path: result.error.field, key: result.error.code }],
      });
    }
    const t = result.transition;

    let callId = input.callId;
    if (callId === null) {
      // Called from a desk phone: record the attempt so reports count it.
      callId = newRowId();
      insertCall(db, {
        id: callId,
        leadId: lead.id,
        direction: 'outbound',
        via: 'manual',
        number: lead.phone ?? lead.phoneAsGiven,
        accountId: null,
        startedAt: now,
        answeredAt: null,
        endedAt: now,
        talkSeconds: 0,
        sipCallId: null,
        endCause: null,
      });
    } else if (!callExists(db, callId)) {
      throw new AppError('invalid_input', 'Unknown call.', {
        fields: [{ path: 'callId', key: 'call_unknown' }],
      });
    }

    const dispositionId = newRowId();
    insertDisposition(db, {
      id: dispositionId,
      leadId: lead.id,
      callId,
      statusCode: entry.code,
      note: input.note,
      callbackAt: t.reminderAt,
      consentOutsideHours: t.consentOutsideHours,
      stageBefore: lead.stage,
      stageAfter: t.stage,
      createdAt: now,
    });
    replacePendingReminder(db, {
      id: newRowId(),
      leadId: lead.id,
      dispositionId,
      dueAt: t.reminderAt,
      now,
    });
    applyWorkflowUpdate(
      db,
      lead,
      {
        id: lead.id,
        stage: t.stage,
        nextAction: t.nextAction,
        nextActionAt: t.nextActionAt,
        customerStatus: t.customerStatus,
        phoneWrong: t.phoneWrong,
        lastOutcome: entry.code,
        updatedAt: now,
      },
      t.customer ? contactChanges(t.customer) : undefined,
    );
    if (t.customerStatus !== lead.customerStatus) {
      insertCustomerStatusChange(db, {
        id: newRowId(),
        leadId: lead.id,
        from: lead.customerStatus,
        to: t.customerStatus,
        by: 'outcome',
        at: now,
      });
    }
    let orderId: string | null = null;
    if (t.order) {
      orderId = newRowId();
      insertOrder(db, {
        id: orderId,
        leadId: lead.id,
        dispositionId,
        order: t.order,
        now,
        itemIds: t.order.items.map(() => newRowId()),
      });
    }
    return { dispositionId, orderId };
  });
}

export function contactChanges(c: CustomerFields) {
  return {
    name: c.name,
    gender: c.gender,
    birthYear: c.birthYear,
    province: c.province,
    district: c.district,
    address: c.address,
    phone2: secondPhone(c.phone2, 'customer.phone2'),
  };
}
