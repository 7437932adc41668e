import { z } from 'zod';
import { customerStatusCodes, type Payment, type RuleKind, type StatusEntry } from './catalogue';
import { nextCallableTime, withinCallingHours, type CallingWindow } from './callingHours';
import type { Lead, NextAction, Stage } from './domain';
import { orderTotal, type OrderDraft, type OrderItemDraft } from './orders';
import { HOUR_MS } from './time';
import { TEXT_LIMITS } from './textLimits';

export const Gender = z.enum(['', 'male', 'female', 'other']);

/** The contact fields an agent fills when converting (seed 000, 6.1). */
export const CustomerFields = z.object({
  name: z.string().trim().max(TEXT_LIMITS.name),
  phone2: z.string().trim().max(TEXT_LIMITS.phone).default(''),
  gender: Gender.default(''),
  birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
  province: z.string().trim().max(TEXT_LIMITS.place).default(''),
  district: z.string().trim().max(TEXT_LIMITS.place).default(''),
  address: z.string().trim().max(TEXT_LIMITS.address).default(''),
});
export type CustomerFields = z.infer<typeof CustomerFields>;

export interface OutcomeInput {
  callbackAt?: number | null;
  /** The customer agreed to a call outside calling hours (recorded with the disposition). */
  consentOutsideHours?: boolean;
  customer?: CustomerFields | null;
  order?: OrderDraft | null;
}

export interface WorkflowPolicy {
  callingWindow: CallingWindow;
  timeZone: string;
}

export interface OrderToCreate {
  items: OrderItemDraft[];
  total: number;
  payment: Payment;
  deliveryAddress: string;
  note: string;
}

export interface Transition {
  stage: Stage;
  nextAction: NextAction;
  nextActionAt: number | null;
  /** The pending callback after this outcome; null clears it. */
  reminderAt: number | null;
  customerStatus: string | null;
  phoneWrong: boolean;
  customer: CustomerFields | null;
  order: OrderToCreate | null;
  consentOutsideHours: boolean;
}

export const workflowErrorCodes = [
  'outcome_not_for_stage',
  'status_inactive',
  'callback_time_missing',
  'callback_time_past',
  'callback_outside_hours',
  'customer_name_missing',
  'order_items_missing',
] as const;
export type WorkflowErrorCode = (typeof workflowErrorCodes)[number];

export interface WorkflowError {
  code: WorkflowErrorCode;
  /** The input field the agent has to fix. */
  field: 'statusCode' | 'callbackAt' | 'customer.name' | 'order.items';
}

export type OutcomeResult =
  { ok: true; transition: Transition } | { ok: false; error: WorkflowError };

const fail = (code: WorkflowErrorCode, field: WorkflowError['field']): OutcomeResult => ({
  ok: false,
  error: { code, field },
});

/**
 * What happens to a lead after a call, read from the catalogue entry's rule (the
 * default catalogue is in shared/catalogue.ts). Pure: the core only persists the transition. Nothing else decides where a lead goes.
 */
export function applyOutcome(
  lead: Pick<Lead, 'stage' | 'customerStatus'>,
  entry: StatusEntry,
  input: OutcomeInput,
  now: number,
  policy: WorkflowPolicy,
): OutcomeResult {
  if (entry.kind !== 'outcome' || entry.stage !== lead.stage)
    return fail('outcome_not_for_stage', 'statusCode');
  if (!entry.active) return fail('status_inactive', 'statusCode');

  const base: Transition = {
    stage: lead.stage,
    nextAction: 'none',
    nextActionAt: null,
    reminderAt: null,
    customerStatus: entry.setsCustomerStatus ?? lead.customerStatus,
    phoneWrong: entry.invalidatesPhone,
    customer: null,
    order: null,
    consentOutsideHours: false,
  };
  const callbackAt = (at: number): Transition => ({
    ...base,
    nextAction: 'callback',
    nextActionAt: at,
    reminderAt: at,
  });
  const { callingWindow, timeZone } = policy;

  switch (entry.rule.kind) {
    case 'none':
      return { ok: true, transition: base };

    case 'callback_at_agent_time': {
      const at = input.callbackAt;
      if (at === undefined || at === null) return fail('callback_time_missing', 'callbackAt');
      if (at <= now) return fail('callback_time_past', 'callbackAt');
      const outside = !withinCallingHours(at, callingWindow, timeZone);
      if (outside && !input.consentOutsideHours)
        return fail('callback_outside_hours', 'callbackAt');
      return { ok: true, transition: { ...callbackAt(at), consentOutsideHours: outside } };
    }

    case 'callback_after_hours':
      // A timed callback that lands outside calling hours moves to the next opening.
      return {
        ok: true,
        transition: callbackAt(
          nextCallableTime(now + entry.rule.hours * HOUR_MS, callingWindow, timeZone),
        ),
      };

    case 'convert_contact': {
      const customer = input.customer;
      if (!customer || customer.name.trim() === '')
        return fail('customer_name_missing', 'customer.name');
      if (input.order) {
        // 6.2 "Xác nhận mua": closed on the first call, straight to an order.
        const order = orderToCreate(input.order, input.order.payment);
        if (!order) return fail('order_items_missing', 'order.items');
        return {
          ok: true,
          transition: {
            ...base,
            stage: 'order',
            customer,
            order,
            customerStatus: closingStatus(order.payment),
          },
        };
      }
      const at = nextCallableTime(now + entry.rule.hours * HOUR_MS, callingWindow, timeZone);
      return { ok: true, transition: { ...callbackAt(at), stage: 'contact', customer } };
    }

    case 'create_order': {
      const order = input.order ? orderToCreate(input.order, entry.rule.payment) : null;
      if (!order) return fail('order_items_missing', 'order.items');
      const customer = input.customer && input.customer.name.trim() !== '' ? input.customer : null;
      return { ok: true, transition: { ...base, stage: 'order', order, customer } };
    }
  }
}

function orderToCreate(draft: OrderDraft, payment: Payment): OrderToCreate | null {
  if (draft.items.length === 0) return null;
  return {
    items: draft.items,
    total: orderTotal(draft.items),
    payment,
    deliveryAddress: draft.deliveryAddress,
    note: draft.note,
  };
}

function closingStatus(payment: Payment): string {
  return payment === 'paid' ? customerStatusCodes.closed : customerStatusCodes.closing;
}

/**
 * The folders a lead may be in after an outcome with this rule, from `stage` (what
 * `applyOutcome` can produce). A team server checks recorded outcomes against it.
 */
export function stagesAfter(rule: RuleKind, stage: Stage): readonly Stage[] {
  switch (rule) {
    case 'convert_contact':
      return ['contact', 'order'];
    case 'create_order':
      return ['order'];
    default:
      return [stage];
  }
}
