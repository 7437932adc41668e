import { normalisePhone } from '../../../shared/phone';

export interface DialPlanOptions {
  /** Digits the PBX needs before an outside number (an outside-line "9", a carrier code). */
  dialPrefix: string;
  /** What the trunk expects: Vietnamese national form (0912…) or E.164 (+84912…). */
  dialPlan: 'national' | 'e164';
}

/** What people put between digits; never part of what is dialled. */
const SEPARATORS = /[\s.\-()/]/g;

/**
 * Turns a number (a lead's stored E.164 number, or what the agent typed on the keypad) into the
 * user part of the SIP Request-URI. A phone number gets the account's dial plan and prefix; an
 * extension or a service code (`1003`, `*98#`) is dialled as typed, without the outside-line
 * prefix, because it never leaves the PBX. Returns null when nothing dialable is left.
 */
export function dialString(number: string, options: DialPlanOptions): string | null {
  const typed = number.replace(SEPARATORS, '');
  if (!/^\+?[0-9*#]+$/.test(typed)) return null;
  const normal = /^\+?[0-9]+$/.test(typed) ? normalisePhone(typed) : null;
  if (!normal?.valid) {
    // Foreign E.164 numbers are not in the Vietnamese table but are still phone numbers.
    if (!/^\+[0-9]{6,15}$/.test(typed)) return typed;
    return options.dialPrefix + inPlan(typed, options.dialPlan);
  }
  return options.dialPrefix + inPlan(normal.e164, options.dialPlan);
}

function inPlan(e164: string, plan: DialPlanOptions['dialPlan']): string {
  if (plan === 'e164') return e164;
  // Vietnam's trunk prefix is 0 and its international access code 00.
  return e164.startsWith('+84') ? `0${e164.slice(3)}` : `00${e164.slice(1)}`;
}

/** The caller's number from a SIP URI's user part: strips visual separators, keeps a "+". */
export function callerNumber(user: string | undefined): string {
  return (user ?? '').replace(SEPARATORS, '');
}
