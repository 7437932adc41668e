import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launchBrowser } from './browser';
import { hostRig } from './hostRig';

type Rig = Awaited<ReturnType<typeof hostRig>>;

export interface HostPage {
  readonly rig: Rig;
  readonly page: Page;
}

/**
 * For an e2e describe block: one Chromium for the block, and for each test a fresh core behind
 * the host and a fresh page, which must end with no error thrown in it.
 */
export function useHostPage(): HostPage {
  let browser: Browser;
  let rig: Rig;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    rig = await hostRig();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });
  afterEach(async () => {
    await page.close();
    await rig.stop();
    expect(pageErrors, 'errors thrown in the page').toEqual([]);
  });

  return {
    get rig() {
      return rig;
    },
    get page() {
      return page;
    },
  };
}
