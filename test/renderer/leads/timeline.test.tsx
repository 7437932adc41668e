import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { Timeline } from '../../../src/renderer/leads/Timeline';
import { createI18n } from '../../../src/renderer/i18n';
import type { TimelineItem } from '../../../src/shared/timeline';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const call: TimelineItem = {
  kind: 'call',
  id: 'c1',
  at: Date.UTC(2026, 10, 23, 3, 0),
  direction: 'outbound',
  via: 'softphone',
  talkSeconds: 95,
  endCause: 'remote_hangup',
  quality: { rttMs: 12, jitterMs: 3, packetLossPct: 0.5, codec: 'opus' },
};

describe('the timeline', () => {
  let host: HTMLElement;
  afterEach(() => host.remove());

  async function render(language: 'vi' | 'en', items: TimelineItem[]) {
    host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () =>
      root.render(
        <I18nextProvider i18n={createI18n(language)}>
          <Timeline items={items} statuses={[]} timeZone="Asia/Ho_Chi_Minh" />
        </I18nextProvider>,
      ),
    );
    return host.textContent ?? '';
  }

  it('shows a call’s talk time, how it ended and its quality', async () => {
    const text = await render('vi', [call]);
    expect(text).toContain('Gọi đi · 95 giây · Khách đã kết thúc');
    expect(text).toContain('RTT 12 ms · jitter 3 ms · mất gói 0.5% · opus');
  });

  it('leaves out what a call did not measure, in English too', async () => {
    const text = await render('en', [{ ...call, talkSeconds: 0, endCause: 'busy', quality: null }]);
    expect(text).toContain('Busy');
    expect(text).not.toContain('RTT');
  });
});
