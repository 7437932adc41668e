import { z } from 'zod';
import { Instant, Lead, Stage, StageCounts } from '../domain';
import { Order } from '../orders';
import { checkPhone } from '../phone';
import { LeadSearchInput, LeadSearchPage } from '../searchTypes';
import { TEXT_LIMITS } from '../textLimits';
import { TimelineItem } from '../timeline';
import { Gender } from '../workflow';
import type { Area } from './contract';
import { Id, IdempotencyKey, text } from './fields';

export const LeadAddInput = z.object({
  name: text(TEXT_LIMITS.name).min(1, { message: 'name_required' }),
  phone: z
    .string()
    .max(TEXT_LIMITS.phone, { message: 'too_long' })
    .superRefine((value, ctx) => {
      const check = checkPhone(value);
      if (!check.valid) ctx.addIssue({ code: 'custom', message: check.reason });
    }),
  source: text(TEXT_LIMITS.source).default(''),
  note: text(TEXT_LIMITS.note).default(''),
  receivedAt: Instant.optional(),
  idempotencyKey: IdempotencyKey.optional(),
});
export type LeadAddInput = z.input<typeof LeadAddInput>;
export type LeadAddParsed = z.output<typeof LeadAddInput>;

export const LeadListInput = z.object({
  stage: Stage,
  limit: z.number().int().min(1).max(200).default(50),
  /** Opaque position returned as `nextCursor` by the previous page. */
  cursor: z.string().max(200).nullable().default(null),
  /** Only leads with this customer status ('' = leads with none). */
  customerStatus: z.string().max(80).nullable().default(null),
  /** Only leads from this source. */
  source: z.string().trim().max(200).nullable().default(null),
  /** Leave out leads with nothing to do (they sink to the bottom otherwise). */
  hideNoAction: z.boolean().default(false),
});

export const LeadDetail = z.object({
  lead: Lead,
  timeline: z.array(TimelineItem),
  orders: z.array(Order),
});
export type LeadDetail = z.infer<typeof LeadDetail>;

export const LeadUpdateInput = z
  .object({
    id: Id,
    name: text(TEXT_LIMITS.name).min(1, { message: 'name_required' }).optional(),
    note: text(TEXT_LIMITS.note).optional(),
    phone2: text(TEXT_LIMITS.phone).optional(),
    gender: Gender.optional(),
    birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
    province: text(TEXT_LIMITS.place).optional(),
    district: text(TEXT_LIMITS.place).optional(),
    address: text(TEXT_LIMITS.address).optional(),
    doNotCall: z.boolean().optional(),
  })
  .strict();
export type LeadUpdateInput = z.input<typeof LeadUpdateInput>;

export const LeadPage = z.object({
  items: z.array(Lead),
  nextCursor: z.string().nullable(),
  counts: StageCounts,
});
export type LeadPage = z.infer<typeof LeadPage>;

/** The lead queue, one lead's record and history, and the search box. */
export const leadsArea = {
  methods: {
    'leads.add': { input: LeadAddInput.strict(), output: Lead, role: 'agent', mask: 'text' },
    'leads.list': { input: LeadListInput.strict(), output: LeadPage, role: 'agent', mask: 'text' },
    'leads.get': {
      input: z.object({ id: z.string().uuid() }).strict(),
      output: Lead,
      role: 'agent',
      mask: 'text',
    },
    'leads.detail': {
      input: z.object({ id: Id }).strict(),
      output: LeadDetail,
      role: 'agent',
      mask: 'text',
    },
    'leads.update': { input: LeadUpdateInput, output: Lead, role: 'agent', mask: 'text' },
    'leads.setCustomerStatus': {
      input: z.object({ id: Id, code: z.string().max(80).nullable() }).strict(),
      output: Lead,
      role: 'agent',
      mask: 'text',
    },
    'leads.addNote': {
      input: z
        .object({
          id: Id,
          text: text(TEXT_LIMITS.note).min(1, { message: 'note_required' }),
          idempotencyKey: IdempotencyKey.optional(),
        })
        .strict(),
      output: LeadDetail,
      role: 'agent',
      mask: 'text',
    },
    'leads.search': { input: LeadSearchInput, output: LeadSearchPage, role: 'agent', mask: 'text' },
  },
  events: {
    'leads.changed': { payload: z.object({ ids: z.array(z.string()) }), mask: 'text' },
  },
} as const satisfies Area;
