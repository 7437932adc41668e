import { describe, expect, it } from 'vitest';
import { causeFromStatus } from '../../../src/renderer/phone/endCause';

describe('causeFromStatus', () => {
  it.each([
    [486, 'busy'],
    [600, 'busy'],
    [480, 'unavailable'],
    [404, 'not_found'],
    [484, 'not_found'],
    [408, 'no_answer'],
    [487, 'cancelled'],
    [603, 'declined'],
    [500, 'failed'],
    [488, 'failed'],
  ])('%i → %s', (code, cause) => {
    expect(causeFromStatus(code)).toBe(cause);
  });
});
