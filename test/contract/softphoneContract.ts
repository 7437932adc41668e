import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type TempCore } from '../helpers/tempCore';
import { errorOf, useContractClient, type ContractRig } from './contractRig';

const PASSWORD = 'Sip-Secret-Pw-7731';
const TURN_CREDENTIAL = 'turn-cred-5519';

const account = {
  name: 'Tổng đài',
  wsServer: 'wss://pbx.example.vn:8089/ws',
  domain: 'pbx.example.vn',
  username: '1001',
  password: PASSWORD,
  iceServers: [
    { urls: ['turn:turn.example.vn:3478'], username: 'agent', credential: TURN_CREDENTIAL },
  ],
};

/** Call records and SIP accounts through the contract. */
export function describeSoftphoneContract(
  name: string,
  connect: (t: TempCore) => Promise<ContractRig>,
) {
  describe(`softphone through the contract (${name})`, () => {
    const ctx = useContractClient(connect);

    it('records a call from start to end, with talk time and quality', async () => {
      const lead = await ctx.client.call('leads.add', { name: 'Khách', phone: '0912345678' });
      const call = await ctx.client.call('calls.start', {
        leadId: lead.id,
        direction: 'outbound',
        number: '0912345678',
      });
      expect(call).toMatchObject({
        leadId: lead.id,
        via: 'softphone',
        startedAt: ctx.t.clock.now(),
        talkSeconds: 0,
      });
      const answered = ctx.t.clock.now() + 4_000;
      const ended = answered + 95_400;
      const done = await ctx.client.call('calls.update', {
        id: call.id,
        answeredAt: answered,
        endedAt: ended,
        sipCallId: 'abc123@127.0.0.1',
        endCause: 'local_hangup',
        // getStats gives fractions of a millisecond; whole milliseconds are kept.
        quality: { rttMs: 12.4, jitterMs: 2.6, packetLossPct: 0.5, codec: 'opus' },
      });
      expect(done).toMatchObject({
        talkSeconds: 95,
        endCause: 'local_hangup',
        quality: { rttMs: 12, jitterMs: 3, packetLossPct: 0.5, codec: 'opus' },
      });
      const detail = await ctx.client.call('leads.detail', { id: lead.id });
      expect(detail.timeline.find((i) => i.kind === 'call')).toMatchObject({
        talkSeconds: 95,
        via: 'softphone',
        endCause: 'local_hangup',
        quality: { rttMs: 12, jitterMs: 3, packetLossPct: 0.5, codec: 'opus' },
      });
    });

    it('records "media lost" as an end cause, and refuses one it does not know, changing nothing', async () => {
      const call = await ctx.client.call('calls.start', {
        leadId: null,
        direction: 'outbound',
        number: '0912345678',
      });
      const answered = ctx.t.clock.now() + 3_000;
      await ctx.client.call('calls.update', { id: call.id, answeredAt: answered });
      expect(
        await errorOf(
          ctx.client.call('calls.update', {
            id: call.id,
            endedAt: answered + 20_000,
            endCause: 'dead_air' as 'media_lost',
          }),
        ),
      ).toMatchObject({ code: 'invalid_input', fields: [{ path: 'endCause' }] });
      const ended = await ctx.client.call('calls.update', {
        id: call.id,
        endedAt: answered + 46_000,
        endCause: 'media_lost',
      });
      expect(ended).toMatchObject({
        answeredAt: answered,
        talkSeconds: 46,
        endCause: 'media_lost',
      });
    });

    it('links an unknown caller’s call to the lead saved after it, and never relinks', async () => {
      const call = await ctx.client.call('calls.start', {
        leadId: null,
        direction: 'inbound',
        number: '0987 654 321',
      });
      expect(call.leadId).toBeNull();
      const lead = await ctx.client.call('leads.add', { name: 'Khách mới', phone: '0987654321' });
      const linked = await ctx.client.call('calls.update', { id: call.id, leadId: lead.id });
      expect(linked.leadId).toBe(lead.id);
      const detail = await ctx.client.call('leads.detail', { id: lead.id });
      expect(detail.timeline.filter((i) => i.kind === 'call')).toHaveLength(1);
      const other = await ctx.client.call('leads.add', { name: 'Khác', phone: '0912000999' });
      expect(
        await errorOf(ctx.client.call('calls.update', { id: call.id, leadId: other.id })),
      ).toMatchObject({
        code: 'invalid_input',
        fields: [{ path: 'leadId', key: 'call_has_lead' }],
      });
    });

    it('refuses to dial a do-not-call lead, with the reason', async () => {
      const lead = await ctx.client.call('leads.add', { name: 'Khách', phone: '0912345678' });
      await ctx.client.call('leads.update', { id: lead.id, doNotCall: true });
      const error = await errorOf(
        ctx.client.call('calls.start', {
          leadId: lead.id,
          direction: 'outbound',
          number: '0912345678',
        }),
      );
      expect(error.code).toBe('do_not_call');
      // The customer may still call in.
      const inbound = await ctx.client.call('calls.start', {
        leadId: lead.id,
        direction: 'inbound',
        number: '0912345678',
      });
      expect(inbound.direction).toBe('inbound');
    });

    it('finds the caller’s lead whatever the number’s form (screen pop)', async () => {
      const lead = await ctx.client.call('leads.add', { name: 'Khách', phone: '0912345678' });
      for (const n of ['+84912345678', '84912345678', '0912 345 678']) {
        expect((await ctx.client.call('calls.lookupNumber', { number: n })).lead?.id).toBe(lead.id);
      }
      expect(
        (await ctx.client.call('calls.lookupNumber', { number: '0987000111' })).lead,
      ).toBeNull();
    });

    it('keeps SIP passwords encrypted at rest and never returns them but to the phone', async () => {
      const saved = await ctx.client.call('sipAccounts.save', account);
      expect(saved).toMatchObject({
        hasPassword: true,
        active: true,
        iceServers: [{ hasCredential: true }],
      });
      expect(JSON.stringify(saved)).not.toContain(PASSWORD);
      const listed = await ctx.client.call('sipAccounts.list', {});
      expect(JSON.stringify(listed)).not.toContain(PASSWORD);
      expect(JSON.stringify(listed)).not.toContain(TURN_CREDENTIAL);

      // Saved again without a password: the stored one stays.
      await ctx.client.call('sipAccounts.save', {
        ...account,
        id: saved.id,
        password: undefined,
        name: 'Tổng đài 2',
      });
      const creds = await ctx.client.call('sipAccounts.credentials', { id: saved.id });
      expect(creds).toEqual({
        password: PASSWORD,
        iceServers: [
          { urls: ['turn:turn.example.vn:3478'], username: 'agent', credential: TURN_CREDENTIAL },
        ],
      });

      ctx.t.core.db.pragma('wal_checkpoint(PASSIVE)');
      for (const file of readdirSync(ctx.t.dir).filter((f) => f.startsWith('leadphone.db'))) {
        const bytes = readFileSync(join(ctx.t.dir, file));
        expect(bytes.includes(Buffer.from(PASSWORD)), file).toBe(false);
        expect(bytes.includes(Buffer.from(TURN_CREDENTIAL)), file).toBe(false);
      }
    });

    it('keeps one account active, refuses a bad server address, and deletes', async () => {
      const a = await ctx.client.call('sipAccounts.save', account);
      const b = await ctx.client.call('sipAccounts.save', { ...account, username: '1002' });
      const list = await ctx.client.call('sipAccounts.list', {});
      expect(list.filter((x) => x.active).map((x) => x.id)).toEqual([b.id]);
      const bad = await errorOf(
        ctx.client.call('sipAccounts.save', { ...account, wsServer: 'http://pbx' }),
      );
      expect(bad.fields).toEqual([{ path: 'wsServer', key: 'ws_url_invalid' }]);
      await ctx.client.call('sipAccounts.delete', { id: a.id });
      expect((await ctx.client.call('sipAccounts.list', {})).map((x) => x.id)).toEqual([b.id]);
    });
  });
}
