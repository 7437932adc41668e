import { z } from 'zod';
import { Color, Rule, StatusEntry, StatusKind } from '../catalogue';
import { Instant, Lead, Stage } from '../domain';
import { OrderDraft } from '../orders';
import { TEXT_LIMITS } from '../textLimits';
import { CustomerFields } from '../workflow';
import type { Area } from './contract';
import { Empty, Id, IdempotencyKey, text } from './fields';

export const DispositionSaveInput = z
  .object({
    leadId: Id,
    statusCode: z.string().min(1).max(80),
    /** The softphone's call record; null when the agent called from another phone. */
    callId: Id.nullable().default(null),
    note: text(TEXT_LIMITS.note).default(''),
    callbackAt: Instant.nullable().default(null),
    consentOutsideHours: z.boolean().default(false),
    customer: CustomerFields.nullable().default(null),
    order: OrderDraft.nullable().default(null),
    idempotencyKey: IdempotencyKey.optional(),
  })
  .strict();
export type DispositionSaveInput = z.input<typeof DispositionSaveInput>;
export type DispositionSaveParsed = z.output<typeof DispositionSaveInput>;

const Label = text(TEXT_LIMITS.statusLabel).min(1, { message: 'label_required' });

export const StatusAddInput = z
  .object({
    kind: StatusKind,
    stage: Stage.nullable(),
    labelVi: Label,
    labelEn: Label,
    color: Color,
    rule: Rule,
    setsCustomerStatus: z.string().max(80).nullable().default(null),
    idempotencyKey: IdempotencyKey.optional(),
  })
  .strict();

export const StatusUpdateInput = z
  .object({
    code: z.string().min(1).max(80),
    labelVi: Label.optional(),
    labelEn: Label.optional(),
    color: Color.optional(),
    /** The N of a timed callback (callback after N hours, convert's callback). */
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
    active: z.boolean().optional(),
    sortOrder: z.number().int().optional(),
  })
  .strict();

/** What a call ended with (the disposition), and the catalogue of outcomes and statuses. */
export const workflowArea = {
  methods: {
    'dispositions.save': {
      input: DispositionSaveInput,
      output: z.object({ lead: Lead, dispositionId: Id, orderId: Id.nullable() }),
      role: 'agent',
      mask: 'text',
    },
    'statuses.list': { input: Empty, output: z.array(StatusEntry), role: 'agent', mask: 'phones' },
    'statuses.add': { input: StatusAddInput, output: StatusEntry, role: 'admin', mask: 'phones' },
    'statuses.update': {
      input: StatusUpdateInput,
      output: StatusEntry,
      role: 'admin',
      mask: 'phones',
    },
  },
  events: {
    'catalogue.changed': { payload: z.object({}), mask: 'phones' },
  },
} as const satisfies Area;
