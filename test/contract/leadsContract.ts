import { describe, expect, it } from 'vitest';
import type { LeadPage } from '../../src/shared/api';
import { errorOf, useContractClient, type ContractRig } from './contractRig';
import type { TempCore } from '../helpers/tempCore';

export type { ContractRig } from './contractRig';

function rowCount(t: TempCore): number {
  return (t.core.db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n;
}

/**
 * One suite, run against the core directly and through the WebSocket host: whatever carries
 * the calls, the API behaves the same.
 */
export function describeContract(name: string, connect: (t: TempCore) => Promise<ContractRig>) {
  describe(`API contract (${name})`, () => {
    const ctx = useContractClient(connect);

    it('adds a lead to Data mới with "call now" and a normalised phone', async () => {
      const lead = await ctx.client.call('leads.add', {
        name: '  Nguyễn Văn A ',
        phone: '0912.345.678',
        source: 'Facebook',
        note: 'hỏi giá',
      });
      expect(lead).toMatchObject({
        name: 'Nguyễn Văn A',
        phone: '+84912345678',
        phoneAsGiven: '0912.345.678',
        source: 'Facebook',
        note: 'hỏi giá',
        stage: 'new',
        nextAction: 'call_now',
        nextActionAt: null,
        receivedAt: ctx.t.clock.now(),
      });
      expect(await ctx.client.call('leads.get', { id: lead.id })).toEqual(lead);
    });

    it('lists a stage newest first, in pages, with counts per tab', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        ctx.t.clock.advance(60_000);
        ids.push(
          (await ctx.client.call('leads.add', { name: `Lead ${i}`, phone: `091234567${i}` })).id,
        );
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: LeadPage = await ctx.client.call('leads.list', {
          stage: 'new',
          limit: 2,
          cursor,
        });
        expect(page.counts).toEqual({ new: 5, contact: 0, order: 0 });
        seen.push(...page.items.map((l) => l.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual([...ids].reverse());
      const contact = await ctx.client.call('leads.list', { stage: 'contact' });
      expect(contact.items).toEqual([]);
      expect(contact.nextCursor).toBeNull();
    });

    it('refuses an invalid phone with the reason and writes nothing', async () => {
      const error = await errorOf(ctx.client.call('leads.add', { name: 'B', phone: '0123' }));
      expect(error.code).toBe('invalid_input');
      expect(error.fields).toEqual([{ path: 'phone', key: 'phone_invalid' }]);
      expect(rowCount(ctx.t)).toBe(0);
    });

    it('refuses a missing name and a missing phone, naming both fields', async () => {
      const error = await errorOf(ctx.client.call('leads.add', { name: ' ', phone: '' }));
      expect(error.code).toBe('invalid_input');
      expect(error.fields).toEqual(
        expect.arrayContaining([
          { path: 'name', key: 'name_required' },
          { path: 'phone', key: 'phone_required' },
        ]),
      );
      expect(rowCount(ctx.t)).toBe(0);
    });

    it('refuses a second lead with the same normalised number, naming the first', async () => {
      const first = await ctx.client.call('leads.add', { name: 'C', phone: '+84 912 345 678' });
      const error = await errorOf(
        ctx.client.call('leads.add', { name: 'C2', phone: '0912345678' }),
      );
      expect(error.code).toBe('duplicate_lead');
      expect(error.data).toEqual({ leadId: first.id });
      expect(rowCount(ctx.t)).toBe(1);
    });

    it('answers an unknown method and malformed input with a clear error and writes nothing', async () => {
      const unknown = await ctx.rig.transport.invoke('leads.drop', {});
      expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      for (const input of [
        null,
        42,
        'x',
        { name: 1, phone: 2 },
        { name: 'A', phone: '0912345678', extra: 1 },
      ]) {
        const result = await ctx.rig.transport.invoke('leads.add', input);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('invalid_input');
          expect(result.error.message).toMatch(/Invalid input for leads\.add/);
        }
      }
      expect(rowCount(ctx.t)).toBe(0);
    });

    it('refuses a forged queue cursor and an unknown lead id', async () => {
      const bad = await errorOf(
        ctx.client.call('leads.list', { stage: 'new', cursor: "1.0.'; DROP TABLE leads" }),
      );
      expect(bad.code).toBe('invalid_input');
      const missing = await errorOf(
        ctx.client.call('leads.get', { id: '00000000-0000-4000-8000-000000000000' }),
      );
      expect(missing.code).toBe('not_found');
    });

    it('keeps settings and pushes events to listeners', async () => {
      const events: string[] = [];
      const offLeads = ctx.client.on('leads.changed', (p) => events.push(`leads:${p.ids.length}`));
      const offSettings = ctx.client.on('settings.changed', (s) =>
        events.push(`settings:${s.language}`),
      );
      expect(await ctx.client.call('settings.get', {})).toMatchObject({
        language: 'vi',
        timeZone: 'Asia/Ho_Chi_Minh',
      });
      expect(await ctx.client.call('settings.update', { language: 'en' })).toMatchObject({
        language: 'en',
      });
      await ctx.client.call('leads.add', { name: 'D', phone: '0987654321' });
      await expect.poll(() => events).toEqual(['settings:en', 'leads:1']);
      offLeads();
      offSettings();
      expect((await ctx.client.call('settings.get', {})).language).toBe('en');
    });
  });
}
