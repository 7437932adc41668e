import { newRowId } from '../db/rowId';
import type { LeadAddParsed } from '../../../shared/api';
import type { NewLead } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { checkPhone } from '../../../shared/phone';
import { findLeadIdByPhone, insertLead } from './db/leads';
import type { Db } from '../db/open';
import { writeTx } from '../db/writeTx';

/** A fresh lead goes to Data mới with "call now"; a number already known is refused, naming the lead. */
export function addLead(db: Db, input: LeadAddParsed, now: number): NewLead {
  const phone = checkPhone(input.phone);
  if (!phone.valid) {
    throw new AppError('invalid_input', `Invalid phone number: ${phone.reason}`, {
      fields: [{ path: 'phone', key: phone.reason }],
    });
  }
  const lead: NewLead = {
    id: newRowId(),
    name: input.name,
    phone: phone.e164,
    phoneAsGiven: input.phone.trim(),
    source: input.source,
    note: input.note,
    stage: 'new',
    nextAction: 'call_now',
    nextActionAt: null,
    customerStatus: null,
    receivedAt: input.receivedAt ?? now,
    createdAt: now,
    updatedAt: now,
  };
  return writeTx(db, () => {
    const existing = findLeadIdByPhone(db, phone.e164);
    if (existing) {
      throw new AppError('duplicate_lead', 'A lead with this phone number already exists.', {
        fields: [{ path: 'phone', key: 'phone_duplicate' }],
        data: { leadId: existing },
      });
    }
    insertLead(db, lead);
    return lead;
  });
}
