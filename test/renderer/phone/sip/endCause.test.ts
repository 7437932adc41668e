import { describe, expect, it } from 'vitest';
import { en } from '../../../../src/renderer/i18n/en';
import { vi } from '../../../../src/renderer/i18n/vi';
import { causeFromStatus, endCauses } from '../../../../src/renderer/phone/sip/endCause';

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

describe('end causes', () => {
  it('every one the contract accepts has its words in Vietnamese and in English', () => {
    for (const cause of endCauses) {
      expect(vi.phone.endCause[cause], cause).toMatch(/\S/);
      expect(en.phone.endCause[cause], cause).toMatch(/\S/);
    }
    expect(endCauses).toEqual(expect.arrayContaining(['media_lost', 'number_invalid']));
  });
});
