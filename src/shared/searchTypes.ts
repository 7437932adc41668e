import { z } from 'zod';
import { Lead } from './domain';
import { TEXT_LIMITS } from './textLimits';

/** `leads.search`: one box over name, phone and note (see src/main/core/leads/db/search.ts). */
export const LeadSearchInput = z
  .object({
    query: z.string().max(TEXT_LIMITS.search, { message: 'too_long' }),
    limit: z.number().int().min(1).max(200).default(50),
    /** Opaque position returned as `nextCursor` by the previous page. */
    cursor: z.string().max(40).nullable().default(null),
  })
  .strict();
export type LeadSearchInput = z.input<typeof LeadSearchInput>;

export const LeadSearchPage = z.object({
  /** Newest lead first. */
  items: z.array(Lead),
  nextCursor: z.string().nullable(),
});
export type LeadSearchPage = z.infer<typeof LeadSearchPage>;
