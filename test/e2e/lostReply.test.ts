import type { WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHostPage } from '../helpers/hostPage';

interface Frame {
  id?: number;
  method?: string;
  input?: { idempotencyKey?: string };
}

describe('a save whose reply is lost, in a real browser', () => {
  const ctx = useHostPage();
  const count = (table: string) =>
    ctx.rig.core.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

  /**
   * Passes the page's WebSocket through to the host, except that the host's answer to the first
   * `method` call is swallowed and the page's connection dropped: the write went in, the page
   * only sees the connection close. Returns every `method` frame the page sent.
   */
  async function loseFirstReplyTo(method: string): Promise<Frame[]> {
    const sent: Frame[] = [];
    let lostId: number | undefined;
    await ctx.page.routeWebSocket(/\/ws/, (ws: WebSocketRoute) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => {
        const frame = JSON.parse(String(m)) as Frame;
        if (frame.method === method) {
          sent.push(frame);
          if (sent.length === 1) lostId = frame.id;
        }
        server.send(m);
      });
      server.onMessage((m) => {
        const reply = JSON.parse(String(m)) as Frame;
        if (lostId !== undefined && reply.id === lostId) {
          lostId = undefined;
          void ws.close();
          return;
        }
        ws.send(m);
      });
    });
    return sent;
  }

  it('records the outcome once: the page sends it again with the same key and shows it saved', async () => {
    await ctx.rig.core.dispatch('leads.add', { name: 'Khách Mất Tin', phone: '0912000021' });
    const sent = await loseFirstReplyTo('dispositions.save');
    await ctx.page.goto(ctx.rig.host.url);
    const row = ctx.page.locator('tbody tr', { hasText: 'Khách Mất Tin' });
    await row.click();
    await ctx.page.keyboard.press('d');
    await ctx.page.getByRole('form', { name: /Kết quả cuộc gọi/ }).waitFor();
    await ctx.page.keyboard.press('2'); // Không nhu cầu
    await ctx.page.keyboard.press('Enter');
    await ctx.page.getByText('Đã lưu kết quả cho Khách Mất Tin').waitFor();

    expect(sent).toHaveLength(2);
    expect(sent[0]!.input!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]!.input).toEqual(sent[0]!.input);
    expect(count('dispositions')).toBe(1);
    expect(count('calls')).toBe(1);
  });

  it('adds a typed lead once: the resend is not refused as a duplicate number', async () => {
    const sent = await loseFirstReplyTo('leads.add');
    await ctx.page.goto(ctx.rig.host.url);
    await ctx.page.getByRole('heading', { name: 'Chưa có data nào' }).waitFor();
    await ctx.page.keyboard.press('n');
    await ctx.page.getByLabel('Họ tên').fill('Khách Gõ Tay');
    await ctx.page.getByLabel('Số điện thoại').fill('0912000022');
    await ctx.page.getByLabel('Số điện thoại').press('Enter');
    await ctx.page.locator('tbody tr', { hasText: 'Khách Gõ Tay' }).waitFor();

    expect(sent).toHaveLength(2);
    expect(sent[1]!.input!.idempotencyKey).toBe(sent[0]!.input!.idempotencyKey);
    expect(count('leads')).toBe(1);
    expect(await ctx.page.locator('[role="alert"]').count()).toBe(0);
  });
});
