import { describe, expect, it } from 'vitest';
import { writeInstallRole, writeMaskNumbers } from '../../src/main/core/access/db/access';
import { CUSTOMER, until } from './softphoneRig';
import { useSoftphoneLab } from './useSoftphoneLab';

// An agent with number masking on never receives the customer's full number, yet one click
// rings the customer: main answers `calls.start` with the lead's own number.

describe('click-to-call with masked numbers, against the SIP lab', () => {
  const rig = useSoftphoneLab();

  it('shows the agent 0912 *** 001 and still rings 0912 000 001', async () => {
    await rig.saveAccount();
    const lead = await rig.addLead('Khách Ẩn Số', '0912 000 001');
    // From here on this desk is an agent's, with masking on (set up as an admin would).
    writeInstallRole(rig.core.db, 'agent');
    writeMaskNumbers(rig.core.db, true);

    const customer = await rig.phone(CUSTOMER);
    const agent = await rig.agentPage();
    await agent
      .getByRole('status', { name: 'Trạng thái tổng đài' })
      .getByText('Sẵn sàng gọi')
      .waitFor();
    const row = agent.locator('tbody tr', { hasText: 'Khách Ẩn Số' });
    await row.waitFor();
    expect(await row.innerText()).toContain('0912 *** 001');

    await agent.getByRole('button', { name: 'Gọi Khách Ẩn Số' }).first().click();
    await agent.getByRole('region', { name: 'Cuộc gọi' }).getByText('Đang nói chuyện').waitFor();
    await until(async () => (await customer.calls())[0]?.state === 'Established');

    const record = rig.core.db
      .prepare('SELECT number, lead_id FROM calls ORDER BY started_at DESC LIMIT 1')
      .get() as { number: string; lead_id: string };
    expect(record).toEqual({ number: '+84912000001', lead_id: lead.id });
    // Nothing on the agent's screen shows the full number.
    const html = await agent.content();
    for (const full of ['0912000001', '0912 000 001', '912000001']) {
      expect(html).not.toContain(full);
    }
    await agent.getByRole('button', { name: /^Kết thúc/ }).click();
    await until(async () => (await customer.calls())[0]?.state === 'Terminated');
  });

  it('shows a masked agent an incoming caller as 0912 *** 001, in the pop and the call bar', async () => {
    await rig.saveAccount();
    await rig.addLead('Khách Gọi Đến', '0912 000 001');
    writeInstallRole(rig.core.db, 'agent');
    writeMaskNumbers(rig.core.db, true);

    const customer = await rig.phone(CUSTOMER);
    const agent = await rig.agentPage();
    await agent
      .getByRole('status', { name: 'Trạng thái tổng đài' })
      .getByText('Sẵn sàng gọi')
      .waitFor();
    await customer.call('1001');
    const popup = agent.getByRole('alertdialog', { name: 'Cuộc gọi đến' });
    await popup.waitFor();
    expect(await popup.innerText()).toContain('Khách Gọi Đến');
    expect(await popup.innerText()).toContain('0912 *** 001');
    await agent.keyboard.press('F2');
    const bar = agent.getByRole('region', { name: 'Cuộc gọi' });
    await bar.getByText('Đang nói chuyện').waitFor();
    expect(await bar.innerText()).toContain('0912 *** 001');
    // The SIP invitation carries the caller's number; nothing on screen shows it in full.
    const html = await agent.content();
    for (const full of ['0912000001', '0912 000 001', '912000001']) {
      expect(html).not.toContain(full);
    }
    await customer.hangup();
    await bar.getByText('Khách đã kết thúc').waitFor();
  });
});
