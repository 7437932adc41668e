import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { startSoftphoneLab, type SoftphoneLab } from './softphoneRig';

/**
 * For a describe block: one SIP lab (Kamailio, host, Chromium) for the block, a fresh app for
 * each test, and no error thrown in any page. The object returned stands for the lab once
 * `beforeAll` has started it (it forwards to the live one, whose core changes per test).
 */
export function useSoftphoneLab(): SoftphoneLab {
  let lab: SoftphoneLab | undefined;
  beforeAll(async () => {
    lab = await startSoftphoneLab();
  });
  afterAll(async () => {
    await lab?.stop();
  });
  beforeEach(async () => {
    await lab!.resetApp();
  });
  afterEach(async () => {
    await lab!.closePages();
    expect(lab!.pageErrors, 'errors thrown in the pages').toEqual([]);
  });
  return new Proxy({} as SoftphoneLab, {
    get(_target, key) {
      if (!lab) throw new Error('the SIP lab is not up yet (use it inside tests)');
      const value: unknown = Reflect.get(lab, key, lab);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(lab)
        : value;
    },
  });
}
