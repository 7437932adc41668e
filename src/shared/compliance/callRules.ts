import { HOUR_MS } from '../time';
import type { RuleKind } from '../catalogue';
import type { Stage } from '../domain';

/*
 * Decree 91/2020/NĐ-CP, Art. 13: at most one advertising call to a number in 24 hours, unless
 * the customer asked to be called. Pure: the core reads the history and the clock, this decides.
 */

export const REPEAT_CALL_WINDOW_MS = 24 * HOUR_MS;

export interface RepeatCallFacts {
  now: number;
  /** When the rule is off (an admin setting) every call is allowed. */
  enabled: boolean;
  /** The start of the last outbound call to the number that the customer answered. */
  lastCallAt: number | null;
  /**
   * When the customer last asked to be called back (an outcome recorded with a callback time
   * the customer chose), or null. A request made during or after the last call is consent.
   */
  consentAt: number | null;
}

export type RepeatCallVerdict =
  | { allowed: true; why: 'off' | 'first' | 'elapsed' | 'consent' }
  | { allowed: false; allowedFrom: number; lastCallAt: number };

export function repeatCallVerdict(f: RepeatCallFacts): RepeatCallVerdict {
  if (!f.enabled) return { allowed: true, why: 'off' };
  if (f.lastCallAt === null) return { allowed: true, why: 'first' };
  const allowedFrom = f.lastCallAt + REPEAT_CALL_WINDOW_MS;
  if (f.now >= allowedFrom) return { allowed: true, why: 'elapsed' };
  if (f.consentAt !== null && f.consentAt >= f.lastCallAt) return { allowed: true, why: 'consent' };
  return { allowed: false, allowedFrom, lastCallAt: f.lastCallAt };
}

/**
 * An outcome the customer's own request: a callback at the time the customer chose, recorded
 * on a lead the agent reached ("Hẹn gọi lại", and any custom outcome of the same kind).
 * "Chưa gọi được" also takes a time, but the agent picks it: the customer said nothing.
 */
export function isCustomerCallbackRequest(entry: {
  stage: Stage | null;
  rule: { kind: RuleKind };
}) {
  return entry.stage === 'contact' && entry.rule.kind === 'callback_at_agent_time';
}
