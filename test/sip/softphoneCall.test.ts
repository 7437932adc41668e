import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getCall } from '../../src/main/core/calls/db/calls';
import type { Call } from '../../src/shared/softphone';
import { agentMedia, COLLEAGUE, CUSTOMER, growth, STRANGER, until } from './softphoneRig';
import { useSoftphoneLab } from './useSoftphoneLab';

// The agent is the real app (host mode, built renderer) in Chromium; the customer is a sip.js
// page in the same browser; Kamailio sits between them. Audio is Chromium's fake microphone.

describe('the softphone against the SIP lab: calls', () => {
  const rig = useSoftphoneLab();

  /** The call records, oldest first, as the contract returns them. */
  const calls = (): Call[] =>
    rig.core.db
      .prepare('SELECT id FROM calls ORDER BY started_at, rowid')
      .pluck()
      .all()
      .map((id) => getCall(rig.core.db, id as string)!);

  /** INVITEs the lab has seen so far (its request log). */
  const invites = () =>
    rig.lab
      .log()
      .split('\n')
      .filter((l) => l.includes('INVITE sip:')).length;

  async function registeredAgent(): Promise<Page> {
    const page = await rig.agentPage();
    await page
      .getByRole('status', { name: 'Trạng thái tổng đài' })
      .getByText('Sẵn sàng gọi')
      .waitFor();
    return page;
  }

  it('calls a lead with one click: audio both ways, DTMF, hold, hang-up, disposition, record', async () => {
    await rig.saveAccount();
    const lead = await rig.addLead('Khách Một', '0912 000 001');
    const customer = await rig.phone(CUSTOMER);
    const agent = await registeredAgent();

    await agent.getByRole('button', { name: 'Gọi Khách Một' }).first().click();
    const bar = agent.getByRole('region', { name: 'Cuộc gọi' });
    await bar.getByText('Đang nói chuyện').waitFor();
    await until(async () => (await customer.calls())[0]?.state === 'Established');

    // Audio flows both ways: bytes and energy grow on both sides.
    const [toCustomer, toAgent] = await Promise.all([
      growth(() => customer.media(), 1500),
      growth(() => agentMedia(agent), 1500),
    ]);
    expect(toCustomer.bytesReceived).toBeGreaterThan(2000);
    expect(toCustomer.totalAudioEnergy).toBeGreaterThan(0);
    expect(toAgent.bytesReceived).toBeGreaterThan(2000);
    expect(toAgent.totalAudioEnergy).toBeGreaterThan(0);

    // DTMF from the keypad (RFC 4733): the customer hears the keys.
    await bar.getByRole('button', { name: /Bàn phím số/ }).click();
    for (const key of ['1', '5', '#']) {
      await bar.getByRole('button', { name: `Phím ${key}` }).click();
      await agent.waitForTimeout(300);
    }
    await bar.getByText('Đã bấm: 15#').waitFor();
    await until(async () => (await customer.calls())[0]?.heardDigits === '15#', 5000, 'keys heard');

    // Hold: not a sound of the agent reaches the customer; resume brings it back.
    await bar.getByRole('button', { name: /^Giữ máy/ }).click();
    await bar.getByText('Đang giữ máy').waitFor();
    await agent.waitForTimeout(300); // what was already in flight
    const held = await growth(() => customer.media(), 1500);
    expect(held.totalAudioEnergy).toBeLessThan(toCustomer.totalAudioEnergy / 50);
    await bar.getByRole('button', { name: /^Tiếp tục/ }).click();
    await bar.getByText('Đang nói chuyện').waitFor();
    // The customer hears the agent again once the re-INVITE is through and media flows: a
    // moment after the bar says so, longer on a busy machine.
    await until(
      async () =>
        (await growth(() => customer.media(), 1500)).totalAudioEnergy >
        toCustomer.totalAudioEnergy / 5,
      10_000,
      "the agent's voice back at the customer",
    );

    // The agent hangs up: the customer's call ends and the disposition panel opens on the lead.
    await agent.waitForTimeout(1000); // a measurable talk time
    await bar.getByRole('button', { name: /^Kết thúc/ }).click();
    await until(async () => (await customer.calls())[0]?.state === 'Terminated');
    const panel = agent.getByRole('form', { name: 'Kết quả cuộc gọi — Khách Một' });
    await panel.waitFor();

    const [record] = await until(async () => {
      const rows = calls();
      return rows[0]?.endCause ? rows : null;
    });
    expect(record).toMatchObject({
      leadId: lead.id,
      direction: 'outbound',
      endCause: 'local_hangup',
    });
    expect(record!.sipCallId).toMatch(/\S+/);
    expect(record!.answeredAt).toBeGreaterThan(record!.startedAt);
    expect(record!.endedAt).toBeGreaterThan(record!.answeredAt!);
    expect(record!.talkSeconds).toBe(Math.round((record!.endedAt! - record!.answeredAt!) / 1000));
    expect(record!.talkSeconds).toBeGreaterThanOrEqual(6);
    expect(record!.quality).toMatchObject({ codec: 'opus' });
    expect(record!.quality!.rttMs).toBeGreaterThanOrEqual(0);

    // The outcome saved from that panel belongs to that call.
    await agent.keyboard.press('2');
    await agent.keyboard.press('Enter');
    await agent.getByText('Đã lưu kết quả cho Khách Một').waitFor();
    expect(
      rig.core.db
        .prepare('SELECT call_id FROM dispositions WHERE lead_id = ?')
        .pluck()
        .all(lead.id),
    ).toEqual([record!.id]);
  });

  it('sends DTMF by SIP INFO when the account says so; mute silences the agent', async () => {
    await rig.saveAccount({ dtmfMode: 'info' });
    await rig.addLead('Khách Bảy', '0912000001');
    const customer = await rig.phone(CUSTOMER);
    const agent = await registeredAgent();
    await agent.getByRole('button', { name: 'Gọi Khách Bảy' }).first().click();
    const bar = agent.getByRole('region', { name: 'Cuộc gọi' });
    await bar.getByText('Đang nói chuyện').waitFor();

    await agent.keyboard.press('F8'); // keypad
    for (const key of ['9', '*']) await bar.getByRole('button', { name: `Phím ${key}` }).click();
    await until(async () => (await customer.calls())[0]?.infoDigits === '9*', 5000, 'INFO keys');
    expect((await customer.calls())[0]?.heardDigits).toBe(''); // none in the audio

    await agent.keyboard.press('F6'); // mute
    await bar.getByRole('button', { name: /^Bật micro/ }).waitFor();
    await agent.waitForTimeout(300);
    const muted = await growth(() => customer.media(), 1200);
    expect(muted.totalAudioEnergy).toBeLessThan(0.001);
    await agent.keyboard.press('F6');
    await agent.waitForTimeout(300);
    const unmuted = await growth(() => customer.media(), 1200);
    expect(unmuted.totalAudioEnergy).toBeGreaterThan(0.01);
    await agent.keyboard.press('F4');
    await until(async () => (await customer.calls())[0]?.state === 'Terminated');
  });

  it('dials a typed number from the keypad, and finds the lead it belongs to', async () => {
    await rig.saveAccount();
    const lead = await rig.addLead('Khách Tám', '0912000001');
    const customer = await rig.phone(CUSTOMER);
    const colleague = await rig.phone(COLLEAGUE);
    const agent = await registeredAgent();

    // A number nobody has as a lead: a plain call, nothing to record afterwards.
    await agent.getByRole('button', { name: 'Bàn phím', exact: true }).click();
    const pad = agent.getByRole('form', { name: 'Quay số' });
    for (const key of '0912000003') await pad.getByRole('button', { name: `Phím ${key}` }).click();
    await pad.getByLabel('Số cần gọi').press('Enter');
    await until(async () => (await colleague.calls())[0]?.state === 'Established');
    expect((await colleague.calls())[0]?.remote).toBe('1001');
    await agent.keyboard.press('F4');
    await until(async () => (await colleague.calls())[0]?.state === 'Terminated');

    // A lead's number, typed: the call is that lead's, and so is the panel afterwards.
    await agent.getByRole('button', { name: 'Bàn phím', exact: true }).click();
    await pad.getByLabel('Số cần gọi').fill('0912 000 001');
    await pad.getByRole('button', { name: 'Gọi' }).click();
    await until(async () => (await customer.calls())[0]?.state === 'Established');
    await agent.keyboard.press('F4');
    await agent.getByRole('form', { name: 'Kết quả cuộc gọi — Khách Tám' }).waitFor();
    await until(() => calls().filter((c) => c.endCause).length === 2);
    expect(calls().map((c) => [c.leadId, c.number])).toEqual([
      [null, '+84912000003'],
      [lead.id, '+84912000001'],
    ]);
  });

  it('incoming: the lead is on screen before answering; the panel opens after the customer hangs up', async () => {
    await rig.saveAccount();
    const lead = await rig.addLead('Khách Hai', '0912000001');
    const agent = await registeredAgent();
    const customer = await rig.phone(CUSTOMER);

    await customer.call('1001');
    const popup = agent.getByRole('alertdialog', { name: 'Cuộc gọi đến' });
    await popup.waitFor();
    // The screen pop: the lead's name, found by the caller's number, while it still rings.
    expect(await popup.innerText()).toContain('Khách Hai');
    expect(await popup.innerText()).toContain('0912 000 001');
    expect((await customer.calls())[0]?.state).toBe('Establishing');

    await agent.keyboard.press('F2'); // answer
    const bar = agent.getByRole('region', { name: 'Cuộc gọi' });
    await bar.getByText('Đang nói chuyện').waitFor();
    await until(async () => (await customer.calls())[0]?.state === 'Established');
    await customer.hangup();
    await bar.getByText('Khách đã kết thúc').waitFor();
    await agent.getByRole('form', { name: 'Kết quả cuộc gọi — Khách Hai' }).waitFor();

    const record = await until(() => calls().find((c) => c.leadId === lead.id && c.endCause));
    expect(record).toMatchObject({ direction: 'inbound', endCause: 'remote_hangup' });
    expect(record.answeredAt).not.toBeNull();
  });

  it('an unknown caller can be saved as a new lead after the call', async () => {
    await rig.saveAccount();
    const agent = await registeredAgent();
    const stranger = await rig.phone(STRANGER);

    await stranger.call('1001');
    const popup = agent.getByRole('alertdialog', { name: 'Cuộc gọi đến' });
    await popup.getByText('Số lạ').waitFor();
    await popup.getByRole('button', { name: /^Nghe/ }).click();
    await until(async () => (await stranger.calls())[0]?.state === 'Established');
    await stranger.hangup();

    const prompt = agent.getByRole('form', { name: 'Lưu số này?' });
    await prompt.waitFor();
    expect(await prompt.innerText()).toContain('0912 000 009');
    await prompt.getByLabel('Họ tên khách').fill('Chị Lan');
    await prompt.getByRole('button', { name: 'Lưu thành data mới' }).click();
    await prompt.waitFor({ state: 'detached' });
    const { lead: saved } = await rig.core.handlers['calls.lookupNumber']({ number: '0912000009' });
    expect(saved).toMatchObject({ name: 'Chị Lan', phone: '+84912000009', stage: 'new' });
    // The new lead's detail opens, so the agent can go on from there.
    await agent.getByRole('heading', { name: 'Chị Lan' }).waitFor();
  });

  it('refuses to dial a do-not-call lead: the reason is shown and nothing is sent', async () => {
    await rig.saveAccount();
    const lead = await rig.addLead('Khách Không Gọi', '0912000001');
    rig.core.handlers['leads.update']({ id: lead.id, doNotCall: true });
    const customer = await rig.phone(CUSTOMER);
    const agent = await registeredAgent();
    const invitesBefore = invites();

    await agent.getByRole('button', { name: 'Gọi Khách Không Gọi' }).first().click();
    await agent.getByRole('alert').getByText('Khách hàng đã yêu cầu không gọi lại').waitFor();
    await agent.waitForTimeout(500);
    expect(invites()).toBe(invitesBefore);
    expect(await customer.calls()).toEqual([]);
    expect(calls().filter((c) => c.leadId === lead.id)).toEqual([]);
  });

  it('plays early media: audio arrives during a 183 before the answer', async () => {
    await rig.saveAccount();
    await rig.addLead('Khách Ba', '0912000001');
    await rig.phone(CUSTOMER, { earlyMediaMs: 2500 });
    const agent = await registeredAgent();

    await agent.getByRole('button', { name: 'Gọi Khách Ba' }).first().click();
    const bar = agent.getByRole('region', { name: 'Cuộc gọi' });
    await bar.getByText('Đang kết nối…').waitFor();
    const early = await growth(() => agentMedia(agent), 800);
    expect(early.bytesReceived).toBeGreaterThan(1000);
    expect(early.totalAudioEnergy).toBeGreaterThan(0);
    expect(await bar.getByText('Đang kết nối…').count()).toBe(1); // still not answered
    await bar.getByText('Đang nói chuyện').waitFor();
    await bar.getByRole('button', { name: /^Kết thúc/ }).click();
  });

  it('power mode dials the next due lead 5 seconds after a disposition, unless stopped', async () => {
    await rig.saveAccount();
    await rig.addLead('Khách Bốn', '0912000001');
    await rig.addLead('Khách Năm', '0912000003');
    const first = await rig.phone(CUSTOMER);
    const second = await rig.phone(COLLEAGUE);
    const agent = await registeredAgent();
    await agent.getByLabel('Gọi liên tục').check();

    await agent.getByRole('button', { name: 'Gọi Khách Bốn' }).first().click();
    await until(async () => (await first.calls())[0]?.state === 'Established');
    await agent.keyboard.press('F4'); // hang up
    await agent.getByRole('form', { name: 'Kết quả cuộc gọi — Khách Bốn' }).waitFor();
    await agent.keyboard.press('2');
    await agent.keyboard.press('Enter');
    const savedAt = Date.now();
    const countdown = agent.getByRole('status', { name: 'Gọi liên tục' });
    await countdown.getByText('Data tiếp theo: Khách Năm').waitFor();

    await until(async () => (await second.calls()).length > 0, 8000, 'the next lead called');
    expect(Date.now() - savedAt).toBeGreaterThanOrEqual(4500);
    await until(async () => (await second.calls())[0]?.state === 'Established');
    await agent.keyboard.press('F4');
    await agent.getByRole('form', { name: 'Kết quả cuộc gọi — Khách Năm' }).waitFor();
    const third = await rig.addLead('Khách Sáu', '0912000009');

    // Stop: the countdown goes away and nothing is dialled.
    await agent.keyboard.press('2');
    await agent.keyboard.press('Enter');
    await countdown.getByText('Data tiếp theo: Khách Sáu').waitFor();
    await countdown.getByRole('button', { name: 'Dừng' }).click();
    await countdown.waitFor({ state: 'detached' });
    await agent.waitForTimeout(5500);
    expect(calls().filter((c) => c.leadId === third.id)).toEqual([]);
  });
});
