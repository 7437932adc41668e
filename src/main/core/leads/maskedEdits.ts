import type { DispositionSaveParsed, LeadUpdateInput } from '../../../shared/api';
import type { Lead } from '../../../shared/domain';
import { maskPhone, restoreMaskedNumbers } from '../../../shared/phoneMask';

/*
 * A masked agent's forms start from what they were shown: a note with `0912 *** 678` in it, a
 * second number as `0987 *** 321`. Sent back as they are, they must not replace what is stored,
 * so each masked number in them that stands for a stored one gets it back before anything is
 * written. Only for masked connections: anyone else was shown, and sends, the real text.
 */

const TEXT_FIELDS = ['name', 'note', 'province', 'district', 'address'] as const;

/** The stored second number when `sent` is its mask; else `sent` as typed. */
function secondNumber(sent: string, lead: Lead): string {
  return lead.phone2 !== null && sent === maskPhone(lead.phone2) ? lead.phone2 : sent;
}

export function unmaskLeadUpdate(input: LeadUpdateInput, lead: Lead): LeadUpdateInput {
  const out = { ...input };
  for (const f of TEXT_FIELDS) {
    const sent = out[f];
    if (sent !== undefined) out[f] = restoreMaskedNumbers(sent, lead[f]);
  }
  if (out.phone2 !== undefined) out.phone2 = secondNumber(out.phone2, lead);
  return out;
}

export function unmaskDisposition(input: DispositionSaveParsed, lead: Lead): DispositionSaveParsed {
  const out = { ...input };
  if (out.customer) {
    const c = { ...out.customer };
    for (const f of ['name', 'province', 'district', 'address'] as const) {
      c[f] = restoreMaskedNumbers(c[f], lead[f]);
    }
    c.phone2 = secondNumber(c.phone2, lead);
    out.customer = c;
  }
  if (out.order) {
    // The delivery address starts as the lead's address, district and province.
    const from = [lead.address, lead.district, lead.province, lead.note].join('\n');
    out.order = {
      ...out.order,
      deliveryAddress: restoreMaskedNumbers(out.order.deliveryAddress, from),
    };
  }
  return out;
}
