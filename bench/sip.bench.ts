import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RENDERER_DIR } from '../test/helpers/hostRig';
import { CUSTOMER, startSoftphoneLab, until } from '../test/sip/softphoneRig';
import { percentile, round, type Bench } from './types';

const RUNS = 20;
const WARM_UP = 2;
const LEAD = 'Khách Bench';

/**
 * The softphone in the Kamailio lab: the real app (host mode, built renderer) in Chromium and
 * a sip.js customer page that answers at once, everything on loopback.
 *
 * - REGISTER → 200: from the first REGISTER frame on the app's SIP WebSocket to the 200 that
 *   ends the registration (the digest challenge round trip included), over 20 page loads.
 * - click → established: from the click on the lead's call button to the call bar showing
 *   "talking" (calls.start, microphone, ICE gathering, INVITE/200/ACK, render), over 20 calls.
 */
export const sipBench: Bench = {
  name: 'sip',
  async run() {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
      throw new Error('sip bench: build the renderer first (npx electron-vite build)');
    }
    const rig = await startSoftphoneLab();
    try {
      await rig.saveAccount();
      await rig.addLead(LEAD, CUSTOMER.user);
      const customer = await rig.phone(CUSTOMER);
      const page = await rig.agentPage();

      const register: number[] = [];
      for (let i = 0; i < RUNS + WARM_UP; i++) {
        if (i > 0) await page.reload();
        const ms = await registerTime(page);
        if (i >= WARM_UP) register.push(ms);
      }

      const established: number[] = [];
      for (let i = 0; i < RUNS + WARM_UP; i++) {
        await page.locator(`tr button[aria-label="Gọi ${LEAD}"]:enabled`).waitFor();
        const ms = await clickToEstablished(page);
        if (i >= WARM_UP) established.push(ms);
        await page
          .getByRole('region', { name: 'Cuộc gọi' })
          .getByRole('button', { name: /^Kết thúc/ })
          .click();
        await until(async () => (await customer.calls()).at(-1)?.state === 'Terminated');
      }
      if (rig.pageErrors.length) throw new Error(`page errors: ${rig.pageErrors.join('; ')}`);

      return [
        {
          name: 'sip.register.median_ms',
          value: round(percentile(register, 50), 1),
          unit: 'ms',
          goal: `informational (REGISTER sent → 200, digest round included, ${RUNS} registrations, loopback)`,
        },
        {
          name: 'sip.established.median_ms',
          value: round(percentile(established, 50), 1),
          unit: 'ms',
          goal: `under 300 ms (click on the lead → call established, ${RUNS} calls, loopback)`,
        },
        {
          name: 'sip.established.p90_ms',
          value: round(percentile(established, 90), 1),
          unit: 'ms',
          goal: 'informational',
        },
      ];
    } finally {
      await rig.stop();
    }
  },
};

/** Waits for the page's phone to register and reads the REGISTER → 200 time off its frames. */
async function registerTime(page: Page): Promise<number> {
  await page
    .getByRole('status', { name: 'Trạng thái tổng đài' })
    .getByText('Sẵn sàng gọi')
    .waitFor();
  return page.evaluate(() => {
    const frames = (window as unknown as { __sip: { at: number; dir: string; first: string }[] })
      .__sip;
    const sent = frames.find((f) => f.dir === 'out' && f.first.startsWith('REGISTER '));
    const ok = frames.find(
      (f) =>
        f.dir === 'in' &&
        f.first.startsWith('SIP/2.0 200') &&
        /^CSeq:\s*\d+ REGISTER/im.test(f.first),
    );
    if (!sent || !ok) throw new Error('no REGISTER exchange recorded');
    return ok.at - sent.at;
  });
}

/** Clicks the lead's call button inside the page and times it to the "talking" state. */
function clickToEstablished(page: Page): Promise<number> {
  return page.evaluate((lead) => {
    const button = document.querySelector<HTMLButtonElement>(`tr button[aria-label="Gọi ${lead}"]`);
    if (!button) throw new Error('no call button');
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    return new Promise<number>((resolve) => {
      let start = 0;
      const observer = new MutationObserver(() => {
        const states = [...document.querySelectorAll('.callbar__state')];
        if (!states.some((e) => e.textContent === 'Đang nói chuyện')) return;
        observer.disconnect();
        resolve(performance.now() - start);
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      start = performance.now();
      button.click();
    });
  }, LEAD);
}
