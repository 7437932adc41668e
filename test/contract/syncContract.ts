import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../src/renderer/api/client';
import { uploadFile } from '../../src/renderer/api/uploadFile';
import { type TempCore } from '../helpers/tempCore';
import { useContractClient, type ContractRig } from './contractRig';

/**
 * The agent profile and a bundle's round trip through the contract: main writes it into its
 * bundles folder, the client uploads it back in chunks; no call names a path.
 */
export function describeSyncContract(name: string, connect: (t: TempCore) => Promise<ContractRig>) {
  describe(`agent profile and sync through the contract (${name})`, () => {
    const ctx = useContractClient(connect);

    it('sets the agent, exports a bundle and imports it again without changes', async () => {
      expect(await ctx.client.call('agent.get', {})).toEqual({ agent: null });
      const agent = await ctx.client.call('agent.set', { name: 'Nguyễn Thị Hoa', code: 'NV01' });
      expect(await ctx.client.call('agent.get', {})).toEqual({ agent });
      await ctx.client.call('leads.add', { name: 'Trần Văn Nam', phone: '0916000001' });
      const summary = await ctx.client.call('sync.exportBundle', { since: 'last' });
      expect(summary.counts).toEqual({ agents: 1, leads: 1 });
      expect(dirname(summary.path)).toBe(join(ctx.t.dir, 'bundles'));
      expect(summary.fileName).toMatch(/^NV01-\d{8}-\d{4}-work\.lpbundle$/);
      const file = new File([readFileSync(summary.path)], summary.fileName);
      const uploadId = await uploadFile(ctx.client, file);
      const { results } = await ctx.client.call('sync.importBundles', { uploadIds: [uploadId] });
      expect(results[0]).toMatchObject({
        fileName: summary.fileName,
        bundleId: summary.bundleId,
        agent: { code: 'NV01', name: 'Nguyễn Thị Hoa' },
        counts: { leads: { added: 0, updated: 0 } },
      });
    });

    it('signs a lead list; it is taken once an admin trusted the key, and says who signed it', async () => {
      await ctx.client.call('agent.set', { name: 'Trần Thị Giám Sát', code: 'GS01' });
      await ctx.client.call('leads.add', { name: 'Trần Văn Nam', phone: '0916000001' });
      const key = await ctx.client.call('sync.signingKey', {});
      expect(key.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
      const list = await ctx.client.call('sync.assignLeads', { filter: {}, agentCode: 'GS01' });
      expect(list.signedBy).toEqual({ fingerprint: key.fingerprint });
      const take = async () =>
        ctx.client.call('sync.importAssignment', {
          uploadId: await uploadFile(
            ctx.client,
            new File([readFileSync(list.path)], list.fileName),
          ),
        });
      // Not even this install's own key is trusted until an admin says so.
      const refused = await take().then(
        () => null,
        (err: unknown) => (err instanceof ApiCallError ? err.error : null),
      );
      expect(refused).toMatchObject({
        code: 'bundle_invalid',
        data: { reason: 'untrusted_key', fingerprint: key.fingerprint, signerCode: 'GS01' },
      });
      const trusted = await ctx.client.call('sync.trustKey', {
        publicKey: key.publicKey,
        label: 'Trần Thị Giám Sát (GS01)',
      });
      expect(await ctx.client.call('sync.trustedKeys', {})).toEqual([trusted]);
      const { result } = await take();
      expect(result.signedBy).toEqual({
        fingerprint: key.fingerprint,
        label: 'Trần Thị Giám Sát (GS01)',
      });
      expect(await ctx.client.call('sync.untrustKey', { publicKey: key.publicKey })).toEqual({});
      expect(await ctx.client.call('sync.trustedKeys', {})).toEqual([]);
    });

    it('refuses a bad code, a path and a path-like file name with keys the UI translates', async () => {
      const fail = async (p: Promise<unknown>) => {
        try {
          await p;
        } catch (err) {
          if (err instanceof ApiCallError) return err.error;
          throw err;
        }
        throw new Error('expected a refusal');
      };
      const bad = await fail(ctx.client.call('agent.set', { name: 'Hoa', code: 'Mã số 1' }));
      expect(bad.fields).toEqual([{ path: 'code', key: 'agent_code_invalid' }]);
      const traversal = await fail(
        ctx.client.call('sync.exportBundle', { since: 'all', fileName: '../../a.lpbundle' }),
      );
      expect(new Set(traversal.fields?.map((f) => `${f.path}:${f.key}`))).toEqual(
        new Set(['fileName:file_name_invalid']),
      );
      const paths = await fail(
        ctx.client.call('sync.importBundles', { paths: ['/tmp/a.lpbundle'] } as never),
      );
      expect(paths.code).toBe('invalid_input');
    });
  });
}
