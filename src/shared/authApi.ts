import { z } from 'zod';
import { Role, roleAllows } from './roles';

/** 4 to 12 digits: typed on a keypad as easily as a keyboard. */
export const Pin = z.string().regex(/^\d{4,12}$/, { message: 'pin_format' });

export const AuthStatus = z.object({
  /** False until the first start's admin PIN is created. */
  hasPin: z.boolean(),
  /** What this install is set up as (agent unless an admin changed it). */
  installRole: Role,
  /** What this connection may do now: the install's role, or admin while unlocked. */
  role: Role,
  /** When an unlocked session falls back to the install's role (null: not unlocked). */
  unlockedUntil: z.number().nullable(),
  /** Agents see `0912 *** 678` instead of full numbers. */
  maskNumbers: z.boolean(),
});
export type AuthStatus = z.infer<typeof AuthStatus>;

/** Does this connection see numbers masked? Main's rule: masking on, and less than a supervisor. */
export function seesNumbersMasked(status: AuthStatus | null): boolean {
  return status !== null && status.maskNumbers && !roleAllows(status.role, 'supervisor');
}

/**
 * Always into `diagnostics/` in the data folder, under a name main picks: the renderer never
 * names a path on this machine.
 */
export const DiagnosticsSaveInput = z.object({}).strict();

const Empty = z.object({}).strict();

export const authMethods = {
  'auth.status': { input: Empty, output: AuthStatus },
  /** First start only: refused once a PIN exists. Unlocks the calling session. */
  'auth.setupPin': { input: z.object({ pin: Pin }).strict(), output: AuthStatus },
  'auth.unlock': { input: z.object({ pin: z.string().max(64) }).strict(), output: AuthStatus },
  'auth.lock': { input: Empty, output: AuthStatus },
  'auth.changePin': {
    input: z.object({ currentPin: z.string().max(64), newPin: Pin }).strict(),
    output: AuthStatus,
  },
  'auth.setRole': { input: z.object({ role: Role }).strict(), output: AuthStatus },
  'auth.setMasking': { input: z.object({ maskNumbers: z.boolean() }).strict(), output: AuthStatus },
  'diagnostics.save': {
    input: DiagnosticsSaveInput,
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  },
} as const;

export const authEvents = {
  /** The install's role or masking changed: every connection re-reads its status. */
  'auth.changed': z.object({}),
} as const;
