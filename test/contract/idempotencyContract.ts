import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/renderer/api/client';
import type { InvokeResult, Transport } from '../../src/shared/api';
import type { TempCore } from '../helpers/tempCore';
import { errorOf, useContractClient, type ContractRig } from './contractRig';

const count = (t: TempCore, table: string) =>
  t.core.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

/**
 * The transport under test, except that the reply to the first call of `method` is lost after
 * main has answered it: the write committed, the renderer only hears that the connection closed.
 */
function losingFirstReply(transport: Transport, method: string): Transport {
  let lost = false;
  return {
    async invoke(m, input): Promise<InvokeResult> {
      const result = await transport.invoke(m, input);
      if (m !== method || lost) return result;
      lost = true;
      return { ok: false, error: { code: 'transport_closed', message: 'reply lost' } };
    },
    on: (listener) => transport.on(listener),
  };
}

/** Writes the renderer may retry carry a key it made: a repeat is a no-op with the first result. */
export function describeIdempotencyContract(
  name: string,
  connect: (t: TempCore) => Promise<ContractRig>,
) {
  describe(`repeated writes through the contract (${name})`, () => {
    const ctx = useContractClient(connect);

    it('saves a disposition twice with one key: one call, one disposition, the same result', async () => {
      const lead = await ctx.client.call('leads.add', { name: 'Khách', phone: '0912345678' });
      const save = {
        leadId: lead.id,
        statusCode: 'new.not_reachable',
        callbackAt: ctx.t.clock.now() + 3_600_000,
        consentOutsideHours: true,
        note: 'máy bận',
        idempotencyKey: randomUUID(),
      };
      const first = await ctx.client.call('dispositions.save', save);
      ctx.t.clock.advance(5_000);
      const again = await ctx.client.call('dispositions.save', save);
      expect(again).toEqual(first);
      expect(count(ctx.t, 'calls')).toBe(1);
      expect(count(ctx.t, 'dispositions')).toBe(1);
      expect(count(ctx.t, 'reminders')).toBe(1);
      // A new action (a new key) is a new save.
      await ctx.client.call('dispositions.save', { ...save, idempotencyKey: randomUUID() });
      expect(count(ctx.t, 'dispositions')).toBe(2);
    });

    it('refuses the same key with a different payload, and writes nothing', async () => {
      const lead = await ctx.client.call('leads.add', { name: 'Khách', phone: '0912345678' });
      const key = randomUUID();
      await ctx.client.call('dispositions.save', {
        leadId: lead.id,
        statusCode: 'new.not_interested',
        idempotencyKey: key,
      });
      const err = await errorOf(
        ctx.client.call('dispositions.save', {
          leadId: lead.id,
          statusCode: 'new.wrong_number',
          idempotencyKey: key,
        }),
      );
      expect(err.code).toBe('idempotency_conflict');
      expect(count(ctx.t, 'dispositions')).toBe(1);
      const after = await ctx.client.call('leads.get', { id: lead.id });
      expect(after.lastOutcome).toBe('new.not_interested');
      // A key is one write: another method may not reuse it either.
      const reused = await errorOf(
        ctx.client.call('leads.addNote', { id: lead.id, text: 'ghi chú', idempotencyKey: key }),
      );
      expect(reused.code).toBe('idempotency_conflict');
    });

    it('a refused write keeps its key free: fixed and sent again, it goes in', async () => {
      const lead = await ctx.client.call('leads.add', { name: 'Khách', phone: '0912345678' });
      const key = randomUUID();
      const refused = await errorOf(
        ctx.client.call('dispositions.save', {
          leadId: lead.id,
          statusCode: 'new.not_reachable',
          idempotencyKey: key,
        }),
      );
      expect(refused.code).toBe('workflow_rejected');
      const saved = await ctx.client.call('dispositions.save', {
        leadId: lead.id,
        statusCode: 'new.not_reachable',
        callbackAt: ctx.t.clock.now() + 3_600_000,
        consentOutsideHours: true,
        idempotencyKey: key,
      });
      expect(saved.lead.nextAction).toBe('callback');
      expect(count(ctx.t, 'dispositions')).toBe(1);
    });

    it('adds a lead, starts a call and adds a note once per key', async () => {
      const add = { name: 'Khách', phone: '0912345678', idempotencyKey: randomUUID() };
      const lead = await ctx.client.call('leads.add', add);
      // Without the key the repeat would be refused as a duplicate number.
      expect(await ctx.client.call('leads.add', add)).toEqual(lead);
      expect(count(ctx.t, 'leads')).toBe(1);

      const dial = {
        leadId: lead.id,
        direction: 'outbound' as const,
        number: '0912345678',
        idempotencyKey: randomUUID(),
      };
      const call = await ctx.client.call('calls.start', dial);
      ctx.t.clock.advance(2_000);
      expect(await ctx.client.call('calls.start', dial)).toEqual(call);
      expect(count(ctx.t, 'calls')).toBe(1);

      const note = { id: lead.id, text: 'Khách hẹn chiều', idempotencyKey: randomUUID() };
      await ctx.client.call('leads.addNote', note);
      const detail = await ctx.client.call('leads.addNote', note);
      expect(detail.timeline.filter((i) => i.kind === 'note')).toHaveLength(1);
      expect(count(ctx.t, 'lead_notes')).toBe(1);
    });

    it('adds a custom status and a product once per key', async () => {
      const status = {
        kind: 'outcome' as const,
        stage: 'new' as const,
        labelVi: 'Hẹn qua Zalo',
        labelEn: 'Zalo follow-up',
        color: '#546e7a',
        rule: { kind: 'none' as const },
        idempotencyKey: randomUUID(),
      };
      const before = count(ctx.t, 'statuses');
      const entry = await ctx.client.call('statuses.add', status);
      expect(await ctx.client.call('statuses.add', status)).toEqual(entry);
      expect(count(ctx.t, 'statuses')).toBe(before + 1);

      const product = {
        code: 'LT1',
        name: 'Liệu trình',
        unitPrice: 450_000,
        idempotencyKey: randomUUID(),
      };
      const saved = await ctx.client.call('products.save', product);
      // Without the key the repeat would be refused: the code is taken.
      expect(await ctx.client.call('products.save', product)).toEqual(saved);
      expect(count(ctx.t, 'products')).toBe(1);
    });

    it('a save whose reply was lost is sent again by the client and recorded once', async () => {
      const lead = await ctx.client.call('leads.add', { name: 'Khách', phone: '0912345678' });
      const client = createClient(losingFirstReply(ctx.rig.transport, 'dispositions.save'));
      const saved = await client.call('dispositions.save', {
        leadId: lead.id,
        statusCode: 'new.not_interested',
        idempotencyKey: randomUUID(),
      });
      expect(saved.lead.lastOutcome).toBe('new.not_interested');
      expect(count(ctx.t, 'dispositions')).toBe(1);
      expect(count(ctx.t, 'calls')).toBe(1);
      const stored = ctx.t.core.db.prepare('SELECT id FROM dispositions').pluck().get();
      expect(saved.dispositionId).toBe(stored);
    });
  });
}
