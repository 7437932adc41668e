import { z } from 'zod';
import { Stage } from './domain';

/**
 * The status catalogue: call outcomes for `new` leads, statuses for `contact`
 * leads, and customer statuses are one list of data. Each entry's rule is all the workflow
 * reads to decide where a lead goes.
 */
export const ruleKinds = [
  'none',
  'callback_at_agent_time',
  'callback_after_hours',
  'convert_contact',
  'create_order',
] as const;
export const RuleKind = z.enum(ruleKinds);
export type RuleKind = z.infer<typeof RuleKind>;

export const Payment = z.enum(['pending', 'paid']);
export type Payment = z.infer<typeof Payment>;

export const Rule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('callback_at_agent_time') }),
  z.object({
    kind: z.literal('callback_after_hours'),
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
  }),
  /** Seed 000 6.1: converted, callback automatically after `hours` (24 by default). */
  z.object({
    kind: z.literal('convert_contact'),
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
  }),
  z.object({ kind: z.literal('create_order'), payment: Payment }),
]);
export type Rule = z.infer<typeof Rule>;

export const StatusKind = z.enum(['outcome', 'customer']);
export type StatusKind = z.infer<typeof StatusKind>;

export const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'color_invalid' });

export const StatusEntry = z.object({
  code: z.string(),
  kind: StatusKind,
  /** The stage whose leads this outcome applies to; null for customer statuses. */
  stage: Stage.nullable(),
  labelVi: z.string(),
  labelEn: z.string(),
  color: Color,
  rule: Rule,
  /** The customer status this outcome sets (it follows from the last outcome). */
  setsCustomerStatus: z.string().nullable(),
  /** "Sai số / Số ảo": the number is marked invalid. */
  invalidatesPhone: z.boolean(),
  builtin: z.boolean(),
  sortOrder: z.number().int(),
  active: z.boolean(),
});
export type StatusEntry = z.infer<typeof StatusEntry>;

/** Codes the workflow refers to by name; everything else about them is data. */
export const customerStatusCodes = {
  notReachable: 'customer.not_reachable',
  contacted: 'customer.contacted',
  notPotential: 'customer.not_potential',
  potential: 'customer.potential',
  closing: 'customer.closing',
  closed: 'customer.closed',
} as const;

type Seed = Omit<StatusEntry, 'builtin' | 'active' | 'sortOrder'>;
const cs = customerStatusCodes;
const none: Rule = { kind: 'none' };

/** The built-in catalogue, seeded by migration 0030; admins may rename and recolour it. */
export const builtinStatuses: readonly Seed[] = [
  // Seed 000: the four outcomes of a call on a `new` lead.
  {
    code: 'new.not_reachable',
    kind: 'outcome',
    stage: 'new',
    labelVi: 'Chưa gọi được',
    labelEn: 'Not reachable',
    color: '#f9a825',
    rule: { kind: 'callback_at_agent_time' },
    setsCustomerStatus: cs.notReachable,
    invalidatesPhone: false,
  },
  {
    code: 'new.not_interested',
    kind: 'outcome',
    stage: 'new',
    labelVi: 'Không nhu cầu',
    labelEn: 'Not interested',
    color: '#757575',
    rule: none,
    setsCustomerStatus: cs.notPotential,
    invalidatesPhone: false,
  },
  {
    code: 'new.wrong_number',
    kind: 'outcome',
    stage: 'new',
    labelVi: 'Sai số / Số ảo',
    labelEn: 'Wrong / fake number',
    color: '#c62828',
    rule: none,
    setsCustomerStatus: cs.notReachable,
    invalidatesPhone: true,
  },
  {
    code: 'new.converted',
    kind: 'outcome',
    stage: 'new',
    labelVi: 'Convert',
    labelEn: 'Converted',
    color: '#2e7d32',
    rule: { kind: 'convert_contact', hours: 24 },
    setsCustomerStatus: cs.contacted,
    invalidatesPhone: false,
  },
  // Seed 000: the nine statuses of a call on a `contact` lead.
  {
    code: 'contact.callback',
    kind: 'outcome',
    stage: 'contact',
    labelVi: 'Hẹn gọi lại',
    labelEn: 'Call back (customer asked)',
    color: '#1565c0',
    rule: { kind: 'callback_at_agent_time' },
    setsCustomerStatus: cs.contacted,
    invalidatesPhone: false,
  },
  {
    code: 'contact.no_answer',
    kind: 'outcome',
    stage: 'contact',
    labelVi: 'Không nghe máy',
    labelEn: 'No answer',
    color: '#f9a825',
    rule: { kind: 'callback_after_hours', hours: 2 },
    setsCustomerStatus: cs.notReachable,
    invalidatesPhone: false,
  },
  {
    code: 'contact.busy',
    kind: 'outcome',
    stage: 'contact',
    labelVi: 'Máy bận / Thuê bao',
    labelEn: 'Busy / unavailable',
    color: '#ef6c00',
    rule: { kind: 'callback_after_hours', hours: 1 },
    setsCustomerStatus: cs.notReachable,
    invalidatesPhone: false,
  },
  {
    code: 'contact.considering',
    kind: 'outcome',
    stage: 'contact',
    labelVi: 'Đang cân nhắc',
    labelEn: 'Considering',
    color: '#6a1b9a',
    rule: { kind: 'callback_after_hours', hours: 24 },
    setsCustomerStatus: cs.potential,
    invalidatesPhone: false,
  },
  {
    code: 'contact.potential',
    kind: 'outcome',
    stage: 'contact',
    labelVi: 'Tiềm năng',
    labelEn: 'Potential',
    color: '#00838f',
    rule: { kind: 'callback_after_hours', hours: 24 },
    setsCustomerStatus: cs.potential,
    invalidatesPhone: false,
  },
  {
    code: 'contact.not_potential',
    kind: 'outcome',
    stage: 'contact',
    labelVi: 'Không tiềm năng',
    labelEn: 'Not potential',
    color: '#757575',
    rule: none,
    setsCustomerStatus: cs.notPotential,
    invalidatesPhone: false,
  },
  {
    code: 'contact.bought_elsewhere',
    kind: 'outcome',
    stage: 'contact',
    labelVi: 'Đã mua nơi khác',
    labelEn: 'Bought elsewhere',
    color: '#5d4037',
    rule: none,
    setsCustomerStatus: cs.notPotential,
    invalidatesPhone: false,
  },
  {
    code: 'contact.closing_pending',
    kind: 'outcome',
    stage: 'contact',
    labelVi: 'Chốt đơn (chưa thanh toán)',
    labelEn: 'Closing — awaiting payment',
    color: '#2e7d32',
    rule: { kind: 'create_order', payment: 'pending' },
    setsCustomerStatus: cs.closing,
    invalidatesPhone: false,
  },
  {
    code: 'contact.closed_paid',
    kind: 'outcome',
    stage: 'contact',
    labelVi: 'Đã chốt đơn (đã thanh toán)',
    labelEn: 'Closed — paid',
    color: '#1b5e20',
    rule: { kind: 'create_order', payment: 'paid' },
    setsCustomerStatus: cs.closed,
    invalidatesPhone: false,
  },
  // Seed 004 (GoSELL): customer statuses.
  {
    code: cs.notReachable,
    kind: 'customer',
    stage: null,
    labelVi: 'Không liên lạc được',
    labelEn: 'Not reachable',
    color: '#f9a825',
    rule: none,
    setsCustomerStatus: null,
    invalidatesPhone: false,
  },
  {
    code: cs.contacted,
    kind: 'customer',
    stage: null,
    labelVi: 'Đã liên lạc',
    labelEn: 'Contacted',
    color: '#1565c0',
    rule: none,
    setsCustomerStatus: null,
    invalidatesPhone: false,
  },
  {
    code: cs.notPotential,
    kind: 'customer',
    stage: null,
    labelVi: 'Không tiềm năng',
    labelEn: 'Not potential',
    color: '#757575',
    rule: none,
    setsCustomerStatus: null,
    invalidatesPhone: false,
  },
  {
    code: cs.potential,
    kind: 'customer',
    stage: null,
    labelVi: 'Tiềm năng',
    labelEn: 'Potential',
    color: '#00838f',
    rule: none,
    setsCustomerStatus: null,
    invalidatesPhone: false,
  },
  {
    code: cs.closing,
    kind: 'customer',
    stage: null,
    labelVi: 'Chốt đơn',
    labelEn: 'Closing (not paid)',
    color: '#2e7d32',
    rule: none,
    setsCustomerStatus: null,
    invalidatesPhone: false,
  },
  {
    code: cs.closed,
    kind: 'customer',
    stage: null,
    labelVi: 'Đã chốt đơn',
    labelEn: 'Closed (paid)',
    color: '#1b5e20',
    rule: none,
    setsCustomerStatus: null,
    invalidatesPhone: false,
  },
];
