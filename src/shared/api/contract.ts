import type { z } from 'zod';
import type { Role } from '../roles';

/*
 * The shape of the contract: each area file (`leads.ts`, `intake.ts`, …) declares its methods
 * and events as entries of these types, and `index.ts` joins the areas into `api` and `events`.
 * Everything main enforces about a method is on its entry: the input it validates, the output,
 * who may call it and what a masked connection sees of the answer.
 */

/**
 * What a connection that sees numbers masked (an agent's, masking on) receives of a result or
 * an event:
 * - `text`: phone fields masked, and every phone-like run in any other text too (a customer's
 *   words may hold a number: a note, an address, a rejected row of a file);
 * - `phones`: phone fields masked, other text left as it is: the install's own set-up (a SIP
 *   server at 192.168.1.10, a data folder), never a customer's words;
 * - `none`: sent as it is, to an agent too (the number the phone must dial, the phone's own
 *   credentials).
 */
export type Mask = 'text' | 'phones' | 'none';

export interface MethodEntry {
  input: z.ZodType;
  output: z.ZodType;
  /** The least role a connection needs; checked before the input is read. */
  role: Role;
  /** A method whose role depends on what the call changes: the role this input needs, or null. */
  roleFor?: (input: unknown) => Role | null;
  mask: Mask;
}

export interface EventEntry {
  payload: z.ZodType;
  mask: Mask;
}

export interface Area {
  methods: Record<string, MethodEntry>;
  events: Record<string, EventEntry>;
  /**
   * The least role of the whole area, for methods other parts of the app add to it later: a
   * name under the area with no entry of its own needs this role (any other unknown name, admin).
   */
  role?: Role;
}
