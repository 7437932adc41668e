import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../src/renderer/api/client';
import { createStores, StoresProvider } from '../../../src/renderer/app/stores';
import { tempCore } from '../../helpers/tempCore';
import { CallBar, type CallBarActions } from '../../../src/renderer/phone/CallBar';
import { createI18n } from '../../../src/renderer/i18n';
import type { CallView } from '../../../src/renderer/phone/phoneTypes';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const T0 = Date.UTC(2026, 11, 4, 3, 0);

const talking: CallView = {
  id: '00000000-0000-4000-8000-000000000001',
  direction: 'outbound',
  number: '+84912000001',
  leadId: 'lead-1',
  leadName: 'Khách Một',
  state: 'established',
  muted: false,
  consultFor: null,
  startedAt: T0,
  answeredAt: T0 + 2_000,
  endedAt: null,
  endCause: null,
  dtmfSent: '',
  quality: { rttMs: 12, jitterMs: 3, packetLossPct: 0, codec: 'opus' },
  mediaLost: false,
};

describe('the call bar', () => {
  // The bar asks the access store whether to mask the number: a real core behind it.
  const t = tempCore();
  const stores = createStores(
    createClient({
      invoke: (method, input) => t.core.dispatch(method, input),
      on: (l) => t.core.onEvent(l),
    }),
  );
  afterAll(() => t.dispose());
  let host: HTMLElement;
  let root: Root;
  const redialled: string[] = [];
  const actions: CallBarActions = {
    hangup: () => undefined,
    setMute: () => undefined,
    setHold: () => undefined,
    sendDtmf: () => undefined,
    blindTransfer: () => undefined,
    startConsult: () => undefined,
    completeTransfer: () => undefined,
    redial: (id) => void redialled.push(id),
  };
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
    redialled.length = 0;
  });

  async function render(language: 'vi' | 'en', call: CallView) {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    await act(async () =>
      root.render(
        <I18nextProvider i18n={createI18n(language)}>
          <StoresProvider stores={stores}>
            <CallBar
              call={call}
              others={[]}
              consult={null}
              now={T0 + 30_000}
              keypadOpen={false}
              onKeypad={() => undefined}
              actions={actions}
            />
          </StoresProvider>
        </I18nextProvider>,
      ),
    );
  }

  const alert = () => host.querySelector('[role="alert"]');
  const button = (name: string) =>
    [...host.querySelectorAll('button')].find((b) => b.textContent === name);

  it('says nothing about audio while it arrives', async () => {
    await render('vi', talking);
    expect(alert()).toBeNull();
    expect(host.textContent).toContain('mất gói 0%');
  });

  it('warns when no audio arrives and offers to hang up and redial, with a real button', async () => {
    await render('vi', { ...talking, mediaLost: true });
    expect(alert()?.textContent).toContain('Mất âm thanh — không nhận được tiếng từ khách hàng');
    // The stale "loss 0 %" is not shown beside it.
    expect(host.textContent).not.toContain('mất gói');
    const redial = button('Gác máy và gọi lại');
    expect(redial?.type).toBe('button');
    // A button in the tab order: reachable and pressed from the keyboard like any other.
    expect(redial?.tabIndex).toBe(0);
    expect(redial?.disabled).toBe(false);
    redial!.focus();
    expect(document.activeElement).toBe(redial);
    await act(async () => redial!.click());
    expect(redialled).toEqual([talking.id]);
  });

  it('in English too', async () => {
    await render('en', { ...talking, mediaLost: true });
    expect(alert()?.textContent).toContain('No audio from the customer');
    expect(button('Hang up and redial')).toBeDefined();
  });

  it('an ended call shows "media lost" as its end cause, without the warning', async () => {
    await render('vi', {
      ...talking,
      state: 'ended',
      endedAt: T0 + 48_000,
      endCause: 'media_lost',
      mediaLost: true,
    });
    expect(alert()).toBeNull();
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Mất âm thanh');
  });
});
