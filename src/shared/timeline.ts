import { z } from 'zod';
import { Payment } from './catalogue';
import { OrderState } from './orders';
import { CallQuality } from './softphone';

/** One line of a lead's history, newest first in the detail view. */
export const TimelineItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('created'), id: z.string(), at: z.number(), source: z.string() }),
  z.object({
    kind: z.literal('call'),
    id: z.string(),
    at: z.number(),
    direction: z.enum(['outbound', 'inbound']),
    via: z.enum(['softphone', 'manual']),
    talkSeconds: z.number(),
    endCause: z.string().nullable(),
    quality: CallQuality.nullable(),
  }),
  z.object({
    kind: z.literal('disposition'),
    id: z.string(),
    at: z.number(),
    statusCode: z.string(),
    note: z.string(),
    callbackAt: z.number().nullable(),
  }),
  z.object({ kind: z.literal('note'), id: z.string(), at: z.number(), text: z.string() }),
  z.object({
    kind: z.literal('status_change'),
    id: z.string(),
    at: z.number(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    by: z.enum(['agent', 'outcome']),
  }),
  z.object({
    kind: z.literal('order'),
    id: z.string(),
    at: z.number(),
    total: z.number(),
    payment: Payment,
    state: OrderState,
  }),
]);
export type TimelineItem = z.infer<typeof TimelineItem>;
