import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getCall } from '../../src/main/core/calls/db/calls';
import {
  COLLEAGUE,
  CUSTOMER,
  growth,
  startSoftphoneLab,
  until,
  type LabPhonePage,
  type SoftphoneLab,
} from './softphoneRig';

// Three phones: the agent (the app), the customer and a colleague (sip.js pages); the agent is
// talking to the customer when each test starts.

describe('the softphone against the SIP lab: transfers and call waiting', () => {
  let rig: SoftphoneLab;
  let agent: Page;
  let customer: LabPhonePage;
  let colleague: LabPhonePage;
  let leadId: string;

  beforeAll(async () => {
    rig = await startSoftphoneLab();
  });
  afterAll(async () => {
    await rig?.stop();
  });
  beforeEach(async () => {
    await rig.resetApp();
    await rig.saveAccount();
    leadId = (await rig.addLead('Khách Một', '0912000001')).id;
    customer = await rig.phone(CUSTOMER);
    colleague = await rig.phone(COLLEAGUE);
    agent = await rig.agentPage();
    await agent
      .getByRole('status', { name: 'Trạng thái tổng đài' })
      .getByText('Sẵn sàng gọi')
      .waitFor();
    await agent.getByRole('button', { name: 'Gọi Khách Một' }).first().click();
    await until(async () => (await customer.calls())[0]?.state === 'Established');
  });
  afterEach(async () => {
    await rig.closePages();
    expect(rig.pageErrors, 'errors thrown in the pages').toEqual([]);
  });

  const bar = () => agent.getByRole('region', { name: 'Cuộc gọi' });
  const records = () =>
    rig.core.db
      .prepare('SELECT id FROM calls ORDER BY started_at, rowid')
      .pluck()
      .all()
      .map((id) => getCall(rig.core.db, id as string)!);

  async function openTransfer(number: string) {
    await bar().getByRole('button', { name: 'Chuyển máy' }).click();
    const form = agent.getByRole('form', { name: 'Chuyển máy' });
    await form.getByLabel('Chuyển tới số').fill(number);
    return form;
  }

  it('blind transfer: REFER, the customer calls the colleague, the agent is out', async () => {
    const form = await openTransfer('0912 000 003');
    await form.getByRole('button', { name: 'Chuyển ngay' }).click();

    // The customer's phone follows the REFER: a new call from the customer to the colleague.
    await until(async () => (await colleague.calls())[0]?.state === 'Established', 10_000);
    const atColleague = (await colleague.calls())[0]!;
    expect(atColleague).toMatchObject({
      direction: 'inbound',
      remote: CUSTOMER.user,
      replaces: false,
    });
    // The agent's leg is over, the customer's first call with it.
    await bar().getByText('Đã chuyển máy').waitFor();
    await until(async () => (await customer.calls())[0]?.state === 'Terminated');
    expect((await customer.calls())[1]).toMatchObject({
      direction: 'outbound',
      state: 'Established',
    });
    // And they hear each other.
    const heard = await growth(() => colleague.media(0), 1000);
    expect(heard.bytesReceived).toBeGreaterThan(1000);

    const [record] = await until(() => (records()[0]?.endCause ? records() : null));
    expect(record).toMatchObject({ leadId, endCause: 'transferred' });
    // The outcome is still the agent's to record.
    await agent.getByRole('form', { name: 'Kết quả cuộc gọi — Khách Một' }).waitFor();
  });

  it('attended transfer: hold, consult the colleague, then REFER with Replaces', async () => {
    const form = await openTransfer('0912000003');
    await form.getByRole('button', { name: 'Hỏi ý kiến trước' }).click();

    // The customer waits on hold while the agent talks to the colleague.
    const consult = agent.getByRole('group', { name: 'Chuyển máy có hỏi ý kiến' });
    await consult.getByText('Đang nói chuyện').waitFor();
    await bar().getByText('Đang giữ máy').waitFor();
    expect((await colleague.calls())[0]).toMatchObject({
      remote: AGENT_USER,
      state: 'Established',
    });
    const customerHears = await growth(() => customer.media(0), 1000);
    expect(customerHears.totalAudioEnergy).toBeLessThan(0.01);

    await consult.getByRole('button', { name: 'Hoàn tất chuyển máy' }).click();

    // The customer's new call replaces the consultation at the colleague's phone.
    await until(async () => (await colleague.calls())[1]?.state === 'Established', 10_000);
    expect((await colleague.calls())[1]).toMatchObject({ remote: CUSTOMER.user, replaces: true });
    await until(async () => (await colleague.calls())[0]?.state === 'Terminated');
    await until(async () => (await customer.calls())[0]?.state === 'Terminated');
    // The colleague's end is established once it sends its 200, the customer's once that 200
    // arrives: the two are not the same moment.
    await until(async () => (await customer.calls())[1]?.state === 'Established');
    const heard = await growth(() => colleague.media(1), 1000);
    expect(heard.bytesReceived).toBeGreaterThan(1000);

    // Both of the agent's legs are recorded as transferred; only the customer's asks for an outcome.
    await until(() => records().every((r) => r.endCause !== null) && records().length === 2);
    expect(records().map((r) => [r.leadId, r.endCause])).toEqual([
      [leadId, 'transferred'],
      [null, 'transferred'],
    ]);
    await agent.getByRole('form', { name: 'Kết quả cuộc gọi — Khách Một' }).waitFor();
  });

  it('call waiting: a second caller is shown; hold-and-answer, then back to the customer', async () => {
    await colleague.call(AGENT_USER);
    const popup = agent.getByRole('alertdialog', { name: 'Cuộc gọi chờ' });
    await popup.getByText('Số lạ').waitFor();
    await popup.getByRole('button', { name: /^Giữ máy & nghe/ }).click();

    await until(async () => (await colleague.calls())[0]?.state === 'Established');
    await bar().getByText('Đang nói chuyện').waitFor();
    // The customer is on hold, in the list under the bar, and hears nothing of the agent.
    const held = bar().getByText('Khách Một · Đang giữ máy');
    await held.waitFor();
    const customerHears = await growth(() => customer.media(0), 1000);
    expect(customerHears.totalAudioEnergy).toBeLessThan(0.01);

    await colleague.hangup();
    await bar().getByText('Đang giữ máy').waitFor(); // the customer's call is the bar's again
    await bar()
      .getByRole('button', { name: /^Tiếp tục/ })
      .click();
    await bar().getByText('Đang nói chuyện').waitFor();
    // The bar says so once the agent's side resumes; the customer hears it once the re-INVITE
    // has gone through the proxy and media flows again, a moment later.
    await until(
      async () => (await growth(() => customer.media(0), 500)).totalAudioEnergy > 0.01,
      10_000,
      "the customer's audio back",
    );
  });

  it('call waiting: the second caller can be rejected without touching the first call', async () => {
    await colleague.call(AGENT_USER);
    const popup = agent.getByRole('alertdialog', { name: 'Cuộc gọi chờ' });
    await popup.getByRole('button', { name: 'Từ chối' }).click();
    await until(async () => (await colleague.calls())[0]?.state === 'Terminated');
    await popup.waitFor({ state: 'detached' });
    await bar().getByText('Đang nói chuyện').waitFor();
    expect((await customer.calls())[0]?.state).toBe('Established');
    const rejected = records().find((r) => r.direction === 'inbound');
    expect(rejected).toMatchObject({ endCause: 'rejected', answeredAt: null });
  });
});

const AGENT_USER = '1001';
