import { describe, expect, it } from 'vitest';
import { builtinStatuses, type StatusEntry } from '../../src/shared/catalogue';
import { defaultCallingWindow } from '../../src/shared/callingHours';
import type { Stage } from '../../src/shared/domain';
import type { OrderDraft } from '../../src/shared/orders';
import {
  applyOutcome,
  type CustomerFields,
  type OutcomeInput,
  type Transition,
} from '../../src/shared/workflow';
import { T0 } from '../helpers/fakeClock';

const HOUR = 3_600_000;
const policy = { callingWindow: defaultCallingWindow, timeZone: 'Asia/Ho_Chi_Minh' };
// T0 is Monday 23/11/2026 09:00 in Vietnam.
const now = T0;

function entry(code: string, patch: Partial<StatusEntry> = {}): StatusEntry {
  const seed = builtinStatuses.find((s) => s.code === code);
  if (!seed) throw new Error(`no built-in ${code}`);
  return { ...seed, builtin: true, active: true, sortOrder: 0, ...patch };
}

const customer: CustomerFields = {
  name: 'Nguyễn Văn A',
  phone2: '',
  gender: 'male',
  birthYear: 1985,
  province: 'Hà Nội',
  district: 'Cầu Giấy',
  address: '12 Trần Thái Tông',
};
const twoItems: OrderDraft = {
  items: [
    { productId: null, productName: 'Liệu trình 1 tháng', quantity: 2, unitPrice: 450_000 },
    { productId: null, productName: 'Kem dưỡng', quantity: 1, unitPrice: 350_000 },
  ],
  deliveryAddress: '12 Trần Thái Tông, Cầu Giấy, Hà Nội',
  payment: 'pending',
  note: '',
};

function ok(stage: Stage, code: string, input: OutcomeInput = {}, at = now): Transition {
  const r = applyOutcome({ stage, customerStatus: null }, entry(code), input, at, policy);
  if (!r.ok) throw new Error(`expected success, got ${r.error.code}`);
  return r.transition;
}

function err(
  stage: Stage,
  code: string,
  input: OutcomeInput = {},
  patch: Partial<StatusEntry> = {},
) {
  const r = applyOutcome({ stage, customerStatus: null }, entry(code, patch), input, now, policy);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('applyOutcome on a `new` lead (seed 000, four outcomes)', () => {
  it('not reachable: stays in new, callback at the agent’s time, reminder then, customer status Không liên lạc được', () => {
    const at = now + 3 * HOUR;
    expect(ok('new', 'new.not_reachable', { callbackAt: at })).toMatchObject({
      stage: 'new',
      nextAction: 'callback',
      nextActionAt: at,
      reminderAt: at,
      customerStatus: 'customer.not_reachable',
      phoneWrong: false,
      order: null,
    });
  });

  it('not interested: stays in new with no next action', () => {
    expect(ok('new', 'new.not_interested')).toMatchObject({
      stage: 'new',
      nextAction: 'none',
      nextActionAt: null,
      reminderAt: null,
      customerStatus: 'customer.not_potential',
      phoneWrong: false,
    });
  });

  it('wrong / fake number: stays in new, no next action, number marked invalid', () => {
    expect(ok('new', 'new.wrong_number')).toMatchObject({
      stage: 'new',
      nextAction: 'none',
      reminderAt: null,
      phoneWrong: true,
    });
  });

  it('converted, not closed (6.1): to contact with the customer info, callback 24 h later', () => {
    expect(ok('new', 'new.converted', { customer })).toMatchObject({
      stage: 'contact',
      nextAction: 'callback',
      nextActionAt: now + 24 * HOUR,
      reminderAt: now + 24 * HOUR,
      customerStatus: 'customer.contacted',
      customer,
      order: null,
    });
  });

  it('converted and closed on the first call (6.2, Xác nhận mua): to order with the order and its total', () => {
    const t = ok('new', 'new.converted', { customer, order: twoItems });
    expect(t).toMatchObject({ stage: 'order', nextAction: 'none', reminderAt: null, customer });
    expect(t.order).toMatchObject({
      total: 2 * 450_000 + 350_000,
      payment: 'pending',
      items: twoItems.items,
    });
    expect(t.customerStatus).toBe('customer.closing');
    const paid = ok('new', 'new.converted', { customer, order: { ...twoItems, payment: 'paid' } });
    expect(paid.customerStatus).toBe('customer.closed');
  });
});

describe('applyOutcome on a `contact` lead (nine statuses)', () => {
  it('call back (customer asked): callback at the agent’s time', () => {
    const at = now + 26 * HOUR;
    expect(ok('contact', 'contact.callback', { callbackAt: at })).toMatchObject({
      stage: 'contact',
      nextAction: 'callback',
      reminderAt: at,
    });
  });

  it.each([
    ['contact.no_answer', 2, 'customer.not_reachable'],
    ['contact.busy', 1, 'customer.not_reachable'],
    ['contact.considering', 24, 'customer.potential'],
    ['contact.potential', 24, 'customer.potential'],
  ])('%s: callback in %i h', (code, hours, status) => {
    expect(ok('contact', code)).toMatchObject({
      stage: 'contact',
      nextAction: 'callback',
      nextActionAt: now + hours * HOUR,
      reminderAt: now + hours * HOUR,
      customerStatus: status,
    });
  });

  it.each(['contact.not_potential', 'contact.bought_elsewhere'])(
    '%s: lost, no next action',
    (code) => {
      expect(ok('contact', code)).toMatchObject({
        stage: 'contact',
        nextAction: 'none',
        reminderAt: null,
        customerStatus: 'customer.not_potential',
      });
    },
  );

  it.each([
    ['contact.closing_pending', 'pending', 'customer.closing'],
    ['contact.closed_paid', 'paid', 'customer.closed'],
  ])('%s: creates an order (%s) and moves to order', (code, payment, status) => {
    const t = ok('contact', code, { order: twoItems });
    expect(t).toMatchObject({ stage: 'order', nextAction: 'none', customerStatus: status });
    expect(t.order).toMatchObject({ payment, total: 1_250_000 });
  });
});

describe('calling hours', () => {
  it('moves a timed callback that lands after hours to the next opening', () => {
    // 16:30 + 2 h = 18:30, after 17:00 → next day 08:00 (local) = 01:00 UTC.
    const at1630 = Date.UTC(2026, 10, 23, 9, 30);
    expect(ok('contact', 'contact.no_answer', {}, at1630).nextActionAt).toBe(
      Date.UTC(2026, 10, 24, 1, 0),
    );
  });

  it('asks for the customer’s consent for an agent-picked time outside hours, and records it', () => {
    const evening = Date.UTC(2026, 10, 23, 12, 0); // 19:00 local
    expect(err('new', 'new.not_reachable', { callbackAt: evening })).toEqual({
      code: 'callback_outside_hours',
      field: 'callbackAt',
    });
    const t = ok('new', 'new.not_reachable', { callbackAt: evening, consentOutsideHours: true });
    expect(t).toMatchObject({ nextActionAt: evening, consentOutsideHours: true });
  });
});

describe('applyOutcome errors', () => {
  it('callback time missing or in the past', () => {
    expect(err('new', 'new.not_reachable', {}).code).toBe('callback_time_missing');
    expect(err('new', 'new.not_reachable', { callbackAt: null }).code).toBe(
      'callback_time_missing',
    );
    expect(err('new', 'new.not_reachable', { callbackAt: now }).code).toBe('callback_time_past');
    expect(err('contact', 'contact.callback', { callbackAt: now - 1 }).code).toBe(
      'callback_time_past',
    );
  });

  it('converted lead without a customer name', () => {
    expect(err('new', 'new.converted', {})).toEqual({
      code: 'customer_name_missing',
      field: 'customer.name',
    });
    expect(err('new', 'new.converted', { customer: { ...customer, name: '  ' } }).code).toBe(
      'customer_name_missing',
    );
  });

  it('order with no items', () => {
    expect(err('contact', 'contact.closed_paid', {})).toEqual({
      code: 'order_items_missing',
      field: 'order.items',
    });
    expect(
      err('contact', 'contact.closing_pending', { order: { ...twoItems, items: [] } }).code,
    ).toBe('order_items_missing');
    expect(err('new', 'new.converted', { customer, order: { ...twoItems, items: [] } }).code).toBe(
      'order_items_missing',
    );
  });

  it('outcome not allowed for this stage, customer statuses are not outcomes, retired entries refused', () => {
    expect(err('contact', 'new.not_interested').code).toBe('outcome_not_for_stage');
    expect(err('order', 'contact.no_answer').code).toBe('outcome_not_for_stage');
    const r = applyOutcome(
      { stage: 'new', customerStatus: null },
      entry('customer.potential'),
      {},
      now,
      policy,
    );
    expect(r).toEqual({ ok: false, error: { code: 'outcome_not_for_stage', field: 'statusCode' } });
    expect(err('new', 'new.not_interested', {}, { active: false }).code).toBe('status_inactive');
  });

  it('keeps the lead’s customer status when the entry sets none (custom statuses)', () => {
    const custom = { ...entry('new.not_interested'), code: 'custom.x', setsCustomerStatus: null };
    const r = applyOutcome(
      { stage: 'new', customerStatus: 'customer.potential' },
      custom,
      {},
      now,
      policy,
    );
    expect(r.ok && r.transition.customerStatus).toBe('customer.potential');
  });
});
