import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, MEDIA_ARGS } from '../helpers/browser';
import { hostRig } from '../helpers/hostRig';

// The audio section of the admin screen: devices, the microphone meter, and what the agent is
// told when the microphone may not be used. No SIP needed.

describe('audio settings in a real browser', () => {
  let browser: Browser | undefined;
  let rig: Awaited<ReturnType<typeof hostRig>> | undefined;

  afterEach(async () => {
    await browser?.close();
    await rig?.stop();
    browser = undefined;
    rig = undefined;
  });

  async function openAudio(args: string[]): Promise<Page> {
    browser = await launchBrowser(args);
    rig = await hostRig();
    const page = await browser.newPage();
    await page.goto(rig.host.url);
    await page.getByRole('button', { name: 'Quản trị' }).click();
    await page.getByRole('region', { name: 'Âm thanh' }).waitFor();
    return page;
  }

  it('shows the microphone level and remembers the chosen devices', async () => {
    const page = await openAudio(MEDIA_ARGS);
    const audio = page.getByRole('region', { name: 'Âm thanh' });
    await audio.getByRole('button', { name: 'Kiểm tra micro' }).click();
    const meter = audio.getByRole('meter', { name: 'Mức âm micro' });
    await meter.waitFor();
    // Chromium's fake microphone beeps: the meter moves.
    await expect
      .poll(async () => Number(await meter.getAttribute('value')), { timeout: 5000, interval: 20 })
      .toBeGreaterThan(0.01);

    const mic = audio.getByLabel('Micro', { exact: true });
    const choiceValues = () =>
      mic
        .locator('option')
        .evaluateAll((options) =>
          options.map((o) => (o as HTMLOptionElement).value).filter(Boolean),
        );
    // With the microphone allowed, the devices have names and ids.
    await expect.poll(async () => (await choiceValues()).length).toBeGreaterThan(0);
    const choices = await choiceValues();
    expect(choices.length).toBeGreaterThan(0);
    const chosen = choices.at(-1)!;
    await mic.selectOption(chosen);
    await audio.getByRole('button', { name: 'Dừng kiểm tra micro' }).click();

    await page.reload();
    await page.getByRole('button', { name: 'Quản trị' }).click();
    expect(
      await page
        .getByRole('region', { name: 'Âm thanh' })
        .getByLabel('Micro', { exact: true })
        .inputValue(),
    ).toBe(chosen);
  });

  it('says clearly when the microphone may not be used', async () => {
    // Without the fake permission UI, headless Chromium refuses the microphone.
    const page = await openAudio(['--use-fake-device-for-media-stream']);
    const audio = page.getByRole('region', { name: 'Âm thanh' });
    await audio.getByRole('button', { name: 'Kiểm tra micro' }).click();
    await audio
      .getByRole('alert')
      .getByText('LeadPhone chưa được phép dùng micro. Hãy cho phép truy cập micro rồi thử lại.')
      .waitFor();
  });
});
