import { describe, expect, it } from 'vitest';
import { builtinStatuses } from '../../src/shared/catalogue';
import {
  isCustomerCallbackRequest,
  REPEAT_CALL_WINDOW_MS,
  repeatCallVerdict,
} from '../../src/shared/compliance/callRules';

const MIN = 60_000;
const LAST = Date.UTC(2026, 10, 23, 2, 0, 0);

describe('the 24-hour rule (Decree 91, Art. 13)', () => {
  const at = (ms: number, consentAt: number | null = null) =>
    repeatCallVerdict({ now: LAST + ms, enabled: true, lastCallAt: LAST, consentAt });

  it('blocks a second call 23:59 later, with the time it becomes allowed', () => {
    expect(at(23 * 60 * MIN + 59 * MIN)).toEqual({
      allowed: false,
      lastCallAt: LAST,
      allowedFrom: LAST + REPEAT_CALL_WINDOW_MS,
    });
  });

  it('allows it 24:00:01 later', () => {
    expect(at(24 * 60 * MIN + 1000)).toEqual({ allowed: true, why: 'elapsed' });
  });

  it('allows a callback the customer asked for during or after the last call', () => {
    expect(at(60 * MIN, LAST + 3 * MIN)).toEqual({ allowed: true, why: 'consent' });
    // A request older than the last call was used by it.
    expect(at(60 * MIN, LAST - MIN)).toMatchObject({ allowed: false });
  });

  it('allows a first call, and every call when the rule is off', () => {
    expect(
      repeatCallVerdict({ now: LAST, enabled: true, lastCallAt: null, consentAt: null }),
    ).toEqual({ allowed: true, why: 'first' });
    expect(
      repeatCallVerdict({ now: LAST + MIN, enabled: false, lastCallAt: LAST, consentAt: null }),
    ).toEqual({ allowed: true, why: 'off' });
  });

  it('counts "Hẹn gọi lại" as the customer asking, not an agent-picked time after no answer', () => {
    const byCode = (code: string) => builtinStatuses.find((s) => s.code === code)!;
    expect(isCustomerCallbackRequest(byCode('contact.callback'))).toBe(true);
    expect(isCustomerCallbackRequest(byCode('new.not_reachable'))).toBe(false);
    expect(isCustomerCallbackRequest(byCode('contact.no_answer'))).toBe(false);
  });
});
