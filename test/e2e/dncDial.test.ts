import { describe, expect, it } from 'vitest';
import { CUSTOMER } from '../sip/softphoneRig';
import { useSoftphoneLab } from '../sip/useSoftphoneLab';

// A number on the team's do-not-call list cannot be dialled from the window: not by a click on
// its lead, not typed on the keypad. The phone is registered with a real PBX (Kamailio) and the
// customer's phone is online, so a call that got through would ring it; the refusal comes
// before any INVITE leaves. (Power mode picks leads through `nextLeadToDial`, which skips listed
// ones, and dials through the same checked path: test/renderer/phone/phoneStore.test.ts.)

describe('a do-not-call number, from the window', () => {
  const rig = useSoftphoneLab();

  it('is refused by click and by keypad with the reason, and no INVITE leaves', async () => {
    await rig.saveAccount();
    await rig.addLead('Khách Không Gọi', '0912 000 001');
    const added = await rig.core.dispatch('dnc.add', {
      number: '+84912000001',
      reason: 'Khách khiếu nại qua tổng đài',
    });
    expect(added.ok).toBe(true);
    const customer = await rig.phone(CUSTOMER);
    const agent = await rig.agentPage();
    await agent
      .getByRole('status', { name: 'Trạng thái tổng đài' })
      .getByText('Sẵn sàng gọi')
      .waitFor();
    const row = agent.locator('tbody tr', { hasText: 'Khách Không Gọi' });
    await row.getByText('DS không gọi').waitFor();

    await agent.getByRole('button', { name: 'Gọi Khách Không Gọi' }).first().click();
    const alert = agent.getByRole('alert').filter({ hasText: 'danh sách không gọi của nhóm' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Lý do: Khách khiếu nại qua tổng đài');
    await alert.getByRole('button').click();
    await alert.waitFor({ state: 'detached' });

    await agent.getByRole('button', { name: 'Bàn phím' }).click();
    await agent.getByLabel('Số cần gọi').fill('84 912 000 001');
    await agent.keyboard.press('Enter');
    await alert.waitFor();

    const invites = await agent.evaluate(() =>
      (window as unknown as { __sip: { dir: string; first: string }[] }).__sip.filter(
        (f) => f.dir === 'out' && f.first.startsWith('INVITE'),
      ),
    );
    expect(invites).toEqual([]);
    expect(await customer.calls()).toEqual([]);
    expect(rig.core.db.prepare('SELECT count(*) FROM calls').pluck().get()).toBe(0);
  });
});
