import { describe, expect, it } from 'vitest';
import { blockOfError, blockText } from '../../../src/renderer/compliance/blockText';
import { createI18n } from '../../../src/renderer/i18n';

const TZ = 'Asia/Ho_Chi_Minh';
// 2026-11-23 09:05 in Hồ Chí Minh City.
const LAST = Date.UTC(2026, 10, 23, 2, 5);
const DAY = 86_400_000;

describe('why a call is refused, as the agent reads it', () => {
  it('says until when the 24-hour rule blocks, as dd/MM/yyyy HH:mm', () => {
    const block = blockOfError({
      code: 'call_too_soon',
      data: { lastCallAt: LAST, allowedFrom: LAST + DAY },
    })!;
    expect(blockText(createI18n('vi').t, block, TZ)).toBe(
      'Không thể gọi: số này đã được gọi lúc 23/11/2026 09:05. Theo quy tắc một cuộc gọi mỗi 24 giờ, được gọi lại từ 24/11/2026 09:05.',
    );
    expect(blockText(createI18n('en').t, block, TZ)).toContain('from 24/11/2026 09:05');
  });

  it('names the list and the reason', () => {
    const t = createI18n('vi').t;
    const team = blockOfError({
      code: 'dnc_blocked',
      data: { list: 'team', reason: 'Khiếu nại', since: LAST },
    })!;
    expect(blockText(t, team, TZ)).toContain('Lý do: Khiếu nại');
    const national = blockOfError({
      code: 'dnc_blocked',
      data: { list: 'national', reason: '', since: Date.UTC(2026, 10, 1) },
    })!;
    expect(blockText(t, national, TZ)).toContain(
      'Danh bạ không quảng cáo quốc gia (bản ngày 01/11/2026)',
    );
    expect(blockOfError({ code: 'not_found' })).toBeNull();
  });
});
