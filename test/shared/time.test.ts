import { describe, expect, it } from 'vitest';
import { formatDateTime, formatShortDateTime } from '../../src/shared/time';

describe('time formats', () => {
  // 07:30 UTC is 14:30 in Hồ Chí Minh City (UTC+7, no daylight saving).
  const instant = Date.UTC(2026, 10, 25, 7, 30);

  it('shows callback times as HH:mm dd/MM in Vietnam time by default', () => {
    expect(formatShortDateTime(instant)).toBe('14:30 25/11');
  });

  it('follows the configured time zone', () => {
    expect(formatShortDateTime(instant, 'UTC')).toBe('07:30 25/11');
    expect(formatDateTime(Date.UTC(2026, 11, 31, 17, 5))).toBe('01/01/2027 00:05');
  });
});
