import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getCall } from '../../src/main/core/calls/db/calls';
import type { Call } from '../../src/shared/softphone';
import { agentMedia, CUSTOMER, growth, until } from './softphoneRig';
import { useSoftphoneLab } from './useSoftphoneLab';

// A media path that dies while the signalling lives on (a media relay killed mid-call): the
// agent must hear about it from LeadPhone, not from 40 s of dead air.

/** Generous for a shared, loaded machine; the phone itself warns after 4 s of silence. */
const WARNED_WITHIN_MS = 12_000;

describe('the softphone against the SIP lab: media', () => {
  const rig = useSoftphoneLab();

  const calls = (): Call[] =>
    rig.core.db
      .prepare('SELECT id FROM calls ORDER BY started_at, rowid')
      .pluck()
      .all()
      .map((id) => getCall(rig.core.db, id as string)!);

  async function registeredAgent(): Promise<Page> {
    const page = await rig.agentPage();
    await page
      .getByRole('status', { name: 'Trạng thái tổng đài' })
      .getByText('Sẵn sàng gọi')
      .waitFor();
    return page;
  }

  it('no audio from the customer: warned, cleared when it comes back, "hang up and redial" records media lost', async () => {
    await rig.saveAccount();
    const lead = await rig.addLead('Khách Một', '0912 000 001');
    const customer = await rig.phone(CUSTOMER);
    const agent = await registeredAgent();

    await agent.getByRole('button', { name: 'Gọi Khách Một' }).first().click();
    const bar = agent.getByRole('region', { name: 'Cuộc gọi' });
    await bar.getByText('Đang nói chuyện').waitFor();
    const warning = bar.getByRole('alert');
    const lostText = 'Mất âm thanh — không nhận được tiếng từ khách hàng';
    expect((await growth(() => agentMedia(agent), 1500)).packetsReceived).toBeGreaterThan(20);
    expect(await warning.count()).toBe(0);

    // The customer's phone stops sending (ICE and SIP untouched): only the counters can tell.
    await customer.page.evaluate(() => window.testPhone.stopSending());
    await warning.getByText(lostText).waitFor({ timeout: WARNED_WITHIN_MS });
    expect((await growth(() => agentMedia(agent), 1000)).packetsReceived).toBe(0);
    await bar.getByText('Đang nói chuyện').waitFor(); // still a call, just a silent one

    // Its audio comes back: so does the call bar.
    await customer.page.evaluate(() => window.testPhone.resumeSending());
    await warning.waitFor({ state: 'detached', timeout: WARNED_WITHIN_MS });

    // On hold the customer sends nothing (our offer is sendonly): that is no dead path.
    await bar.getByRole('button', { name: /^Giữ máy/ }).click();
    await bar.getByText('Đang giữ máy').waitFor();
    await agent.waitForTimeout(300); // what was already in flight
    expect((await growth(() => agentMedia(agent), 5500)).packetsReceived).toBe(0);
    expect(await warning.count()).toBe(0);
    await bar.getByRole('button', { name: /^Tiếp tục/ }).click();
    await bar.getByText('Đang nói chuyện').waitFor();
    expect((await growth(() => agentMedia(agent), 1500)).packetsReceived).toBeGreaterThan(20);
    expect(await warning.count()).toBe(0);

    // Now the media path dies for good: nothing either way, nothing answers ICE.
    await customer.page.evaluate(() => window.testPhone.dropMedia());
    await warning.getByText(lostText).waitFor({ timeout: WARNED_WITHIN_MS });

    // "Gác máy và gọi lại", from the keyboard.
    await warning.getByRole('button', { name: 'Gác máy và gọi lại' }).focus();
    await agent.keyboard.press('Enter');

    const [dead, again] = await until(() => {
      const all = calls();
      return all.length === 2 && all[0]!.endCause ? all : null;
    });
    expect(dead).toMatchObject({ leadId: lead.id, endCause: 'media_lost' });
    expect(dead!.answeredAt).not.toBeNull();
    expect(dead!.endedAt).not.toBeNull();
    expect(again).toMatchObject({ leadId: lead.id, direction: 'outbound', endedAt: null });

    // The customer got our BYE for the dead call, then the new call, which works.
    await until(async () => {
      const list = await customer.calls();
      return (
        list.length === 2 && list[0]!.state === 'Terminated' && list[1]!.state === 'Established'
      );
    });
    await bar.getByText('Đang nói chuyện').waitFor();
    expect((await growth(() => agentMedia(agent), 1500)).packetsReceived).toBeGreaterThan(20);
    expect(await warning.count()).toBe(0);

    // This one ends normally: an ordinary end cause.
    await bar.getByRole('button', { name: /^Kết thúc/ }).click();
    await until(() => calls()[1]?.endCause);
    expect(calls()[1]).toMatchObject({ endCause: 'local_hangup' });
  });
});
