import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getCall } from '../../src/main/core/calls/db/calls';
import { AGENT, CUSTOMER, until } from './softphoneRig';
import { useSoftphoneLab } from './useSoftphoneLab';

// Registration as a desired state: refused passwords stop, lost servers are found again, and
// the password itself never shows up anywhere but the REGISTER's digest.

describe('the softphone against the SIP lab: registration', () => {
  const rig = useSoftphoneLab();

  const status = (page: Page) => page.getByRole('status', { name: 'Trạng thái tổng đài' });
  /** REGISTERs Kamailio saw from the agent (its request log has one line per request). */
  const registers = () =>
    rig.lab
      .log()
      .split('\n')
      .filter((l) => l.includes('REGISTER ') && l.includes(`from=sip:${AGENT.user}@`)).length;

  it('a wrong password shows "Sai mật khẩu SIP" and stops: no REGISTER storm', async () => {
    await rig.saveAccount({ password: 'not-the-password' });
    const before = registers();
    const agent = await rig.agentPage();
    await status(agent).getByText('Sai mật khẩu SIP').waitFor();
    await agent.waitForTimeout(4000); // several backoff periods: nothing may follow
    // One challenged REGISTER, one with the (wrong) credentials, then silence.
    expect(registers() - before).toBe(2);
    await expect(status(agent).innerText()).resolves.toBe('Sai mật khẩu SIP');

    // The agent's "retry" is one more attempt, not a loop.
    await agent.getByRole('button', { name: 'Thử lại' }).click();
    await status(agent).getByText('Sai mật khẩu SIP').waitFor();
    await agent.waitForTimeout(1500);
    expect(registers() - before).toBe(4);
  });

  it('Kamailio killed and restarted: registered again within 10 s, and calls work', async () => {
    await rig.saveAccount();
    const lead = await rig.addLead('Khách Một', '0912000001');
    const customer = await rig.phone(CUSTOMER);
    const agent = await rig.agentPage();
    await status(agent).getByText('Sẵn sàng gọi').waitFor();

    // A call in progress when the server dies ends, and is recorded as cut off by the network.
    // Both ends must be in it: the customer's 200 may still be on its way to the agent.
    await agent.getByRole('button', { name: 'Gọi Khách Một' }).first().click();
    await until(async () => (await customer.calls())[0]?.state === 'Established');
    const bar = agent.getByRole('region', { name: 'Cuộc gọi' });
    await bar.getByText('Đang nói chuyện').waitFor();
    const pid = rig.lab.pid;
    const killedAt = Date.now();
    // SIGTERM, SIGKILL if need be; resolves once every process of the old server is gone, so
    // the page's connection is closed, then a new Kamailio on the same ports.
    await rig.lab.restart();
    const upAt = Date.now();
    expect(rig.lab.pid).not.toBe(pid);

    // The loss first: until the page has seen it, its status still shows the registration from
    // before the kill, and waiting for "ready" would be satisfied by that.
    const first = await until(() => {
      const id = rig.core.db.prepare('SELECT id FROM calls').pluck().get() as string | undefined;
      const call = id ? getCall(rig.core.db, id) : undefined;
      return call?.endCause ? call : null;
    });
    expect(first).toMatchObject({ leadId: lead.id, endCause: 'network' });
    expect(first.endedAt).not.toBeNull();
    await bar.getByText('Mất kết nối mạng').waitFor();

    await status(agent).getByText('Sẵn sàng gọi').waitFor({ timeout: 10_000 });
    const back = Date.now() - killedAt;
    expect(back).toBeLessThan(10_000);
    expect(Date.now() - upAt).toBeLessThan(5_000); // the backoff is still short after one outage
    await agent.getByRole('form', { name: 'Kết quả cuộc gọi — Khách Một' }).waitFor();

    // And the phone calls again through the new server.
    await until(async () => customer.page.evaluate(() => window.testPhone.registered()));
    await agent.getByRole('button', { name: 'Gọi Khách Một' }).first().click();
    await until(async () => (await customer.calls()).at(-1)?.state === 'Established', 10_000);
    await agent.getByRole('region', { name: 'Cuộc gọi' }).getByText('Đang nói chuyện').waitFor();
  });

  it('Kamailio killed while the call rings: the call ends at once, recorded as cut off', async () => {
    await rig.saveAccount();
    const lead = await rig.addLead('Khách Một', '0912000001');
    const customer = await rig.phone(CUSTOMER, { autoAnswer: false });
    const agent = await rig.agentPage();
    await status(agent).getByText('Sẵn sàng gọi').waitFor();
    await agent.getByRole('button', { name: 'Gọi Khách Một' }).first().click();
    const bar = agent.getByRole('region', { name: 'Cuộc gọi' });
    await bar.getByText('Đang đổ chuông…').waitFor();
    await until(async () => (await customer.calls())[0]?.state === 'Initial');

    // The CANCEL cannot leave without a connection, and no final response can come back: the
    // call must not wait for one (sip.js would, for ever, after a 180).
    await rig.lab.restart();
    const first = await until(() => {
      const id = rig.core.db.prepare('SELECT id FROM calls').pluck().get() as string | undefined;
      const call = id ? getCall(rig.core.db, id) : undefined;
      return call?.endCause ? call : null;
    });
    expect(first).toMatchObject({ leadId: lead.id, endCause: 'network', answeredAt: null });
    expect(first.endedAt).not.toBeNull();
    await bar.getByText('Mất kết nối mạng').waitFor();
    await status(agent).getByText('Sẵn sàng gọi').waitFor({ timeout: 10_000 });
  });

  it("the browser's online event registers again at once, on a fresh connection", async () => {
    await rig.saveAccount();
    const agent = await rig.agentPage();
    await status(agent).getByText('Sẵn sàng gọi').waitFor();
    const before = registers();
    const connections = () => new Set(rig.lab.log().match(/src=127\.0\.0\.1:\d+\/ws/g)).size;
    const sockets = connections();
    await agent.evaluate(() => window.dispatchEvent(new Event('online')));
    await until(() => registers() >= before + 2, 5000, 'a new registration');
    expect(connections()).toBe(sockets + 1);
    await status(agent).getByText('Sẵn sàng gọi').waitFor();
  });

  it('a frozen server (socket open, nothing answers) is found out by the OPTIONS ping', async () => {
    await rig.saveAccount();
    const agent = await rig.agentPage();
    await status(agent).getByText('Sẵn sàng gọi').waitFor();
    // SIGSTOP keeps every socket open (the kernel still ACKs) while nothing is answered: the
    // case CRLF keep-alives and sip.js cannot see.
    const frozen = processTree(rig.lab.pid);
    const stoppedAt = Date.now();
    frozen.forEach((pid) => process.kill(pid, 'SIGSTOP'));
    try {
      await status(agent)
        .getByText(/^Mất kết nối tổng đài/)
        .waitFor({ timeout: 25_000 });
      expect(Date.now() - stoppedAt).toBeLessThan(21_000); // 15 s between pings + 5 s to answer
    } finally {
      frozen.forEach((pid) => process.kill(pid, 'SIGCONT'));
    }
    await status(agent).getByText('Sẵn sàng gọi').waitFor({ timeout: 15_000 });
  });

  it('a call cut off by a frozen server is hung up with a BYE once the connection is back', async () => {
    await rig.saveAccount();
    await rig.addLead('Khách Một', '0912000001');
    const customer = await rig.phone(CUSTOMER);
    const agent = await rig.agentPage();
    await status(agent).getByText('Sẵn sàng gọi').waitFor();
    await agent.getByRole('button', { name: 'Gọi Khách Một' }).first().click();
    await until(async () => (await customer.calls())[0]?.state === 'Established');
    const bar = agent.getByRole('region', { name: 'Cuộc gọi' });
    await bar.getByText('Đang nói chuyện').waitFor();
    const byes = () =>
      rig.lab
        .log()
        .split('\n')
        .filter((l) => l.includes('BYE ') && l.includes(`from=sip:${AGENT.user}@`)).length;
    // The lab's log runs on from the earlier tests of this file.
    const byesBefore = byes();

    // Frozen, the server keeps the customer's socket open: once it answers again, the call
    // is still up on the customer's side, and only the agent's BYE can end it.
    const frozen = processTree(rig.lab.pid);
    frozen.forEach((pid) => process.kill(pid, 'SIGSTOP'));
    try {
      await bar.getByText('Mất kết nối mạng').waitFor({ timeout: 25_000 });
    } finally {
      frozen.forEach((pid) => process.kill(pid, 'SIGCONT'));
    }
    await status(agent).getByText('Sẵn sàng gọi').waitFor({ timeout: 15_000 });
    await until(async () => (await customer.calls())[0]?.state === 'Terminated', 10_000);
    expect(byes() - byesBefore).toBe(1);
  });

  it('the SIP password is write-only: never shown in the UI after saving, nor in any log', async () => {
    const secret = 'Pw-7xQ2-secret';
    const agent = await rig.agentPage();
    await status(agent).getByText('Chưa cấu hình tài khoản SIP').waitFor();

    // The admin adds an account with a wrong password first…
    await agent.getByRole('button', { name: 'Quản trị' }).click();
    await agent.getByRole('button', { name: 'Thêm tài khoản SIP' }).click();
    const form = agent.getByRole('form', { name: 'Tài khoản SIP' });
    await form.getByLabel('Tên tài khoản').fill('Tổng đài lab');
    await form.getByLabel('Máy chủ WebSocket (wss://…)').fill(rig.lab.wsUrl);
    await form.getByLabel('Tên miền SIP').fill(rig.lab.domain);
    await form.getByLabel('Số máy lẻ / tên đăng nhập').fill(AGENT.user);
    await form.getByLabel('Mật khẩu SIP').fill(secret);
    await form.getByRole('button', { name: 'Lưu tài khoản' }).click();
    await form.getByText('Đã lưu tài khoản.').waitFor();
    await status(agent).getByText('Sai mật khẩu SIP').waitFor();
    // The test button says the same, on a connection of its own.
    await form.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
    await form.getByText('Sai mật khẩu SIP (mã 403).').waitFor();

    // …then fixes it (AGENT's real password) and the phone registers by itself.
    await form.getByLabel('Mật khẩu SIP').fill(AGENT.password);
    await form.getByRole('button', { name: 'Lưu tài khoản' }).click();
    await status(agent).getByText('Sẵn sàng gọi').waitFor();
    await form.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
    await form.getByText(/Đăng ký thành công \(\d+ ms\)\./).waitFor();

    // Nothing on screen holds either password: text, input values, placeholders, attributes.
    const visible = async () =>
      agent.evaluate(() => {
        const fields = [...document.querySelectorAll('input, textarea, select')].map(
          (el) => (el as HTMLInputElement).value,
        );
        return [document.documentElement.outerHTML, document.body.innerText, ...fields].join('\n');
      });
    const shown = await visible();
    expect(shown).not.toContain(secret);
    expect(shown).not.toContain(AGENT.password);
    const field = form.getByLabel('Mật khẩu SIP');
    expect(await field.inputValue()).toBe('');
    expect(await field.getAttribute('placeholder')).toBe('Đã lưu — để trống để giữ nguyên');
    // Saving again without typing one keeps the stored password.
    await form.getByLabel('Tên hiển thị').fill('Nhân viên 1001');
    await form.getByRole('button', { name: 'Lưu tài khoản' }).click();
    await form.getByText('Đã lưu tài khoản.').waitFor();
    await status(agent).getByText('Sẵn sàng gọi').waitFor();

    // After a reload and opening the account again: still nothing.
    await agent.reload();
    await agent.getByRole('button', { name: 'Quản trị' }).click();
    await agent.getByRole('button', { name: 'Sửa' }).click();
    const reloaded = await visible();
    expect(reloaded).not.toContain(AGENT.password);
    expect(reloaded).toContain('Tổng đài lab');

    // And no log has it: the core's and host's, every page's console, Kamailio's.
    const logs = [...rig.hostLog, ...rig.consoleLog, rig.lab.log()].join('\n');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(secret);
    expect(logs).not.toContain(AGENT.password);
    // At rest it is encrypted too.
    const stored = JSON.stringify(rig.core.db.prepare('SELECT * FROM sip_accounts').all());
    expect(stored).not.toContain(AGENT.password);
  });
});

/** `root` and all its descendants (Kamailio forks its workers), from /proc. */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}
