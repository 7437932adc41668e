import { z } from 'zod';
import { Role, roleAllows } from '../roles';
import type { Area } from './contract';
import { Empty } from './fields';

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

/** Roles, the admin PIN and number masking. */
export const accessArea = {
  methods: {
    'auth.status': { input: Empty, output: AuthStatus, role: 'agent', mask: 'phones' },
    /**
     * First start only: refused by the handler once a PIN exists; before that, whoever installs
     * the app sets it. Unlocks the calling session.
     */
    'auth.setupPin': {
      input: z.object({ pin: Pin }).strict(),
      output: AuthStatus,
      role: 'agent',
      mask: 'phones',
    },
    'auth.unlock': {
      input: z.object({ pin: z.string().max(64) }).strict(),
      output: AuthStatus,
      role: 'agent',
      mask: 'phones',
    },
    'auth.lock': { input: Empty, output: AuthStatus, role: 'agent', mask: 'phones' },
    'auth.changePin': {
      input: z.object({ currentPin: z.string().max(64), newPin: Pin }).strict(),
      output: AuthStatus,
      role: 'admin',
      mask: 'phones',
    },
    'auth.setRole': {
      input: z.object({ role: Role }).strict(),
      output: AuthStatus,
      role: 'admin',
      mask: 'phones',
    },
    'auth.setMasking': {
      input: z.object({ maskNumbers: z.boolean() }).strict(),
      output: AuthStatus,
      role: 'admin',
      mask: 'phones',
    },
  },
  events: {
    /** The install's role or masking changed: every connection re-reads its status. */
    'auth.changed': { payload: z.object({}), mask: 'phones' },
  },
} as const satisfies Area;
