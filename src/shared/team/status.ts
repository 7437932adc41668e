import { z } from 'zod';
import { Role } from '../roles';

/** What the app shows of its link to a team server. */
export const TeamStatus = z.object({
  linked: z.boolean(),
  /**
   * off: no team server; syncing: a round is running; online: the last round went through;
   * offline: the server could not be reached (the work waits, and goes up on its own);
   * revoked: the server no longer accepts this device.
   */
  state: z.enum(['off', 'syncing', 'online', 'offline', 'revoked']),
  /** Rows changed here that the team does not have yet. */
  pending: z.number().int(),
  /** The first upload of this install's own history is still going. */
  uploading: z.boolean(),
  serverUrl: z.string().nullable(),
  teamName: z.string().nullable(),
  role: Role.nullable(),
  lastSyncAt: z.number().int().nullable(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** What the team did not take lately, newest first, for the agent to read. */
  refusals: z.array(
    z.object({
      table: z.string(),
      id: z.string(),
      reason: z.string(),
      leadId: z.string().nullable(),
      at: z.number().int(),
    }),
  ),
});
export type TeamStatus = z.infer<typeof TeamStatus>;
