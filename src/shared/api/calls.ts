import { z } from 'zod';
import { Instant, Lead } from '../domain';
import { Call, CallDirection, CallQuality, EndCause } from '../softphone';
import type { Area } from './contract';
import { Id, IdempotencyKey } from './fields';

export const CallStartInput = z
  .object({
    leadId: Id.nullable(),
    direction: CallDirection,
    number: z.string().trim().min(1).max(40),
    accountId: Id.nullable().default(null),
    idempotencyKey: IdempotencyKey.optional(),
  })
  .strict();

export const CallUpdateInput = z
  .object({
    id: Id,
    /** An unknown caller saved as a lead after the call: the call joins that lead. */
    leadId: Id.optional(),
    answeredAt: Instant.optional(),
    endedAt: Instant.optional(),
    sipCallId: z.string().max(300).optional(),
    endCause: EndCause.optional(),
    quality: CallQuality.optional(),
  })
  .strict();

/** The softphone's call records. */
export const callsArea = {
  methods: {
    /**
     * The dedicated call path: answers with the number the phone must dial, even to an agent
     * who sees it masked everywhere else (the record it opens shows who dialled what).
     */
    'calls.start': { input: CallStartInput, output: Call, role: 'agent', mask: 'none' },
    'calls.update': { input: CallUpdateInput, output: Call, role: 'agent', mask: 'text' },
    'calls.lookupNumber': {
      input: z.object({ number: z.string().trim().min(1).max(40) }).strict(),
      output: z.object({ lead: Lead.nullable() }),
      role: 'agent',
      mask: 'text',
    },
  },
  events: {},
} as const satisfies Area;
