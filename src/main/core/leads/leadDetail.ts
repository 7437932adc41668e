import { newRowId } from '../db/rowId';
import type { LeadDetail, LeadUpdateInput } from '../../../shared/api';
import type { Lead } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { checkPhone } from '../../../shared/phone';
import {
  insertCustomerStatusChange,
  insertNote,
  setCustomerStatus,
  updateContact,
  type ContactUpdate,
} from './db/leadEdits';
import { getLead } from './db/leads';
import type { Db } from '../db/open';
import { ordersOfLead } from '../orders/db/orders';
import { getStatus } from '../workflow/db/statuses';
import { leadTimeline } from './db/timeline';
import { writeTx } from '../db/writeTx';

export function mustGetLead(db: Db, id: string): Lead {
  const lead = getLead(db, id);
  if (!lead) throw new AppError('not_found', 'No lead with this id.');
  return lead;
}

/** A second number as typed: empty clears it; anything else must be a valid number. */
export function secondPhone(raw: string, path: string): NonNullable<ContactUpdate['phone2']> {
  if (raw === '') return { e164: null, asGiven: '' };
  const check = checkPhone(raw);
  if (!check.valid) {
    throw new AppError('invalid_input', 'The second phone number is not valid.', {
      fields: [{ path, key: check.reason }],
    });
  }
  return { e164: check.e164, asGiven: raw };
}

export function leadDetail(db: Db, id: string): LeadDetail {
  return {
    lead: mustGetLead(db, id),
    timeline: leadTimeline(db, id),
    orders: ordersOfLead(db, id),
  };
}

export function updateLead(db: Db, input: LeadUpdateInput, now: number): Lead {
  mustGetLead(db, input.id);
  const { id, phone2, ...rest } = input;
  const changes: ContactUpdate = { ...rest };
  if (phone2 !== undefined) changes.phone2 = secondPhone(phone2, 'phone2');
  updateContact(db, id, changes, now);
  return mustGetLead(db, id);
}

/** The agent may set the customer status by hand ; the change goes in the timeline. */
export function changeCustomerStatus(db: Db, id: string, code: string | null, now: number): Lead {
  return writeTx(db, () => {
    const lead = mustGetLead(db, id);
    if (code !== null && getStatus(db, code)?.kind !== 'customer') {
      throw new AppError('invalid_input', `Not a customer status: ${code}`, {
        fields: [{ path: 'code', key: 'status_unknown' }],
      });
    }
    if (lead.customerStatus === code) return lead;
    setCustomerStatus(db, id, code, now);
    insertCustomerStatusChange(db, {
      id: newRowId(),
      leadId: id,
      from: lead.customerStatus,
      to: code,
      by: 'agent',
      at: now,
    });
    return mustGetLead(db, id);
  });
}

/** Returns the new note's id. */
export function addNote(db: Db, leadId: string, text: string, now: number): string {
  mustGetLead(db, leadId);
  const id = newRowId();
  insertNote(db, { id, leadId, text, at: now });
  return id;
}
