import { z } from 'zod';
import { Instant, Stage } from './domain';
import { OrderState } from './orders';
import { TEXT_LIMITS } from './textLimits';

/** What can be exported: the lead book, the call log, the orders. */
export const exportKinds = ['leads', 'calls', 'orders'] as const;
export const ExportKind = z.enum(exportKinds);
export type ExportKind = z.infer<typeof ExportKind>;

export const ExportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/**
 * Which rows an export holds. The time range is half-open, [from, to), on the kind's own time:
 * a lead's received time, a call's start, an order's creation. Stage, customer status and source
 * are the lead's (for calls and orders: the lead they belong to); `outcome` is a lead's last
 * outcome or a call's outcome; `orderState` applies to orders only; `agentId` to calls and
 * orders, once the database records agents.
 */
export const ExportFilter = z
  .object({
    from: Instant.nullable().default(null),
    to: Instant.nullable().default(null),
    stage: Stage.nullable().default(null),
    /** '' = leads with no customer status. */
    customerStatus: z.string().max(80).nullable().default(null),
    source: z.string().trim().max(200).nullable().default(null),
    outcome: z.string().max(80).nullable().default(null),
    orderState: OrderState.nullable().default(null),
    agentId: z.string().max(80).nullable().default(null),
  })
  .strict()
  .refine((f) => f.from === null || f.to === null || f.from < f.to, {
    message: 'range_invalid',
    path: ['to'],
  });
export type ExportFilterInput = z.input<typeof ExportFilter>;
export type ExportFilter = z.output<typeof ExportFilter>;

/** A file name without a folder: exports are written to the app's exports folder. */
export const ExportFileName = z
  .string()
  .trim()
  .min(1)
  .max(TEXT_LIMITS.fileName)
  .regex(/^[^/\\:*?"<>|]+$/, { message: 'file_name_invalid' })
  // Control characters: not in a file name.
  .refine((n) => ![...n].some((c) => c.charCodeAt(0) < 0x20), { message: 'file_name_invalid' })
  .refine((n) => !n.startsWith('.'), { message: 'file_name_invalid' });

export const ExportReport = z.object({
  id: z.string(),
  kind: ExportKind,
  format: ExportFormat,
  /** Where the file was written (nothing is left behind when cancelled). */
  path: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
  cancelled: z.boolean(),
});
export type ExportReport = z.infer<typeof ExportReport>;
