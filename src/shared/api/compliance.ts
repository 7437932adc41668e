import { z } from 'zod';
import { Instant } from '../domain';
import { TEXT_LIMITS } from '../textLimits';
import type { Area } from './contract';
import { Empty, Id, text } from './fields';

/*
 * Compliance (Decree 91/2020/NĐ-CP): the do-not-call lists and the 24-hour rule. The team's own
 * list and the national register live in this install's database; a team server may later fill
 * them (each entry says where it came from), the checks stay the same.
 */

export const DncListName = z.enum(['team', 'national']);
export type DncListName = z.infer<typeof DncListName>;

/** Where an entry of the team's list came from: a lead marked "Không gọi lại", or by hand. */
export const DncSource = z.enum(['lead', 'manual']);
export type DncSource = z.infer<typeof DncSource>;

export const DncEntry = z.object({
  /** E.164. */
  phone: z.string(),
  reason: z.string(),
  source: DncSource,
  leadId: z.string().nullable(),
  addedAt: Instant,
});
export type DncEntry = z.infer<typeof DncEntry>;

/** The national register's copy in force. */
export const DncRegisterInfo = z.object({
  fileName: z.string(),
  /** The date of the operator's file (as the admin confirmed it). */
  fileDate: Instant,
  importedAt: Instant,
  numbers: z.number().int().nonnegative(),
  /** Lines that held no valid number (headers, notes); the numbers around them were taken. */
  invalidLines: z.number().int().nonnegative(),
});
export type DncRegisterInfo = z.infer<typeof DncRegisterInfo>;

/** Why a call must not be made; the same data as the refusal of `calls.start`. */
export const CallBlock = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('dnc'),
    list: DncListName,
    /** The team's reason (empty for a lead's own flag), or '' on the national register. */
    reason: z.string(),
    /** When the number went on the team's list, or the register file's date. */
    since: Instant.nullable(),
  }),
  z.object({
    kind: z.literal('repeat'),
    lastCallAt: Instant,
    /** The first moment the number may be called again. */
    allowedFrom: Instant,
  }),
]);
export type CallBlock = z.infer<typeof CallBlock>;

const Number_ = z.string().trim().min(1).max(TEXT_LIMITS.phone);

export const DncListInput = z
  .object({
    /** Digits anywhere in the number. */
    query: z.string().trim().max(TEXT_LIMITS.phone).default(''),
    /** The E.164 number after which the page starts. */
    after: z.string().max(TEXT_LIMITS.phone).nullable().default(null),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const complianceArea = {
  methods: {
    /** Asked before dialling: the refusal `calls.start` would give, without opening a record. */
    'compliance.check': {
      input: z.object({ leadId: Id.nullable(), number: Number_ }).strict(),
      output: z.object({ block: CallBlock.nullable() }),
      role: 'agent',
      mask: 'text',
    },
    'dnc.list': {
      input: DncListInput,
      output: z.object({
        items: z.array(DncEntry),
        nextAfter: z.string().nullable(),
        total: z.number().int(),
      }),
      role: 'supervisor',
      mask: 'text',
    },
    'dnc.add': {
      input: z
        .object({
          number: Number_,
          reason: text(TEXT_LIMITS.note).min(1, { message: 'dnc_reason_required' }),
        })
        .strict(),
      output: DncEntry,
      role: 'supervisor',
      mask: 'text',
    },
    'dnc.remove': {
      input: z.object({ number: Number_ }).strict(),
      output: Empty,
      role: 'supervisor',
      mask: 'text',
    },
    'dnc.register': {
      input: Empty,
      output: z.object({ register: DncRegisterInfo.nullable() }),
      role: 'agent',
      mask: 'phones',
    },
    /** Replaces the national register with an uploaded file (see `imports.begin`), whole or not at all. */
    'dnc.importRegister': {
      input: z.object({ uploadId: Id, fileDate: Instant }).strict(),
      output: DncRegisterInfo,
      role: 'admin',
      mask: 'phones',
    },
  },
  events: {
    /** The register import's progress: the share of the file read, then written. */
    'dnc.progress': {
      payload: z.object({ uploadId: Id, fraction: z.number(), numbers: z.number().int() }),
      mask: 'phones',
    },
    /** A list changed: the queue's badges are read again. */
    'dnc.changed': { payload: z.object({ list: DncListName }), mask: 'phones' },
  },
} as const satisfies Area;
