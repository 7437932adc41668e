import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, type Method } from '../../../src/shared/api';
import { TEST_PIN } from '../../helpers/access';
import { T0 } from '../../helpers/fakeClock';
import { tempDir } from '../../helpers/tempDir';
import { errorOf, install, upload, type Install } from './syncRig';

/*
 * The renderer never names a path for sync: bundles are written into `<dataDir>/bundles/` under
 * a name main makes (or a bare name), and bundles to import arrive as uploads.
 */

const syncMethods = (Object.keys(api) as Method[]).filter((m) => m.startsWith('sync.'));

/** A valid input of each sync method, to which a test adds a path. */
const valid: Record<string, object> = {
  'sync.status': {},
  'sync.exportBundle': { since: 'all' },
  'sync.assignLeads': { filter: {}, agentCode: 'A01' },
  'sync.importBundles': { uploadIds: ['00000000-0000-4000-8000-000000000000'] },
  'sync.importAssignment': { uploadId: '00000000-0000-4000-8000-000000000000' },
  'sync.signingKey': {},
  'sync.trustedKeys': {},
  'sync.trustKey': { publicKey: `${'A'.repeat(43)}=`, label: 'Giám sát' },
  'sync.untrustKey': { publicKey: `${'A'.repeat(43)}=` },
};

describe('sync: files never come from renderer paths', () => {
  let s: Install;
  let outside: ReturnType<typeof tempDir>;
  const bundles = () => join(s.t.dir, 'bundles');
  const written = () => (existsSync(bundles()) ? readdirSync(bundles()).sort() : []);

  beforeEach(async () => {
    // T0 is 2026-11-23 09:00 in Hồ Chí Minh: the local time the made-up names carry.
    s = install({ start: T0, role: 'supervisor' });
    await s.call('agent.set', { name: 'Trần Thị Giám Sát', code: 'GS01' });
    await s.call('leads.add', { name: 'Nguyễn Văn An', phone: '0912000001', source: 'Zalo' });
    outside = tempDir('leadphone-outside-');
  });
  afterEach(() => {
    s.t.dispose();
    outside.remove();
  });

  it('writes bundles into the bundles folder under a made-up name, never replacing one', async () => {
    const first = await s.call('sync.exportBundle', { since: 'all' });
    expect(dirname(first.path)).toBe(bundles());
    expect(first.fileName).toBe('GS01-20261123-0900-work.lpbundle');
    expect(first.path).toBe(join(bundles(), first.fileName));
    const again = await s.call('sync.exportBundle', { since: 'all' });
    expect(again.fileName).toBe(first.fileName.replace('.lpbundle', ' (2).lpbundle'));
    const list = await s.call('sync.assignLeads', { filter: {}, agentCode: 'A01' });
    expect(list.fileName).toBe('A01-20261123-0900-assignment.lpbundle');
    // A bare name the user chose; the extension is always .lpbundle.
    const named = await s.call('sync.exportBundle', { since: 'all', fileName: 'Tuần 47' });
    expect(named.fileName).toBe('Tuần 47.lpbundle');
    const txt = await s.call('sync.exportBundle', { since: 'all', fileName: 'notes.txt' });
    expect(txt.fileName).toBe('notes.txt.lpbundle');
    const same = await s.call('sync.assignLeads', {
      filter: {},
      agentCode: 'A01',
      fileName: 'Tuần 47.lpbundle',
    });
    expect(same.fileName).toBe('Tuần 47 (2).lpbundle');
    expect(written()).toEqual([first, again, list, named, txt, same].map((b) => b.fileName).sort());
    for (const b of [first, list, named]) expect(readFileSync(b.path).length).toBe(b.bytes);
  });

  it('refuses a file name that is a path or climbs out of the folder', async () => {
    const target = join(outside.path, 'x.lpbundle');
    const names = [
      target,
      '../x.lpbundle',
      '..\\x.lpbundle',
      '../../etc/x',
      'sub/x.lpbundle',
      'C:\\Users\\x.lpbundle',
      'C:x.lpbundle',
      '\\\\server\\share\\x.lpbundle',
      '..',
      '.lpbundle',
      '.hidden',
      'a..b',
      'x\0.lpbundle',
      'x\n.lpbundle',
      '',
      'x'.repeat(200),
    ];
    for (const fileName of names) {
      for (const method of ['sync.exportBundle', 'sync.assignLeads'] as const) {
        const input = { ...valid[method], fileName };
        const error = await errorOf(s.call(method, input as never));
        expect({ fileName, method, code: error.code }).toEqual({
          fileName,
          method,
          code: 'invalid_input',
        });
        expect(error.fields?.[0]?.path).toBe('fileName');
      }
    }
    expect(written()).toEqual([]);
    expect(readdirSync(outside.path)).toEqual([]);
    expect(existsSync(join(s.t.dir, 'x.lpbundle'))).toBe(false);
  });

  it('no sync method takes a path: the schemas are strict and have no path field', async () => {
    expect(syncMethods.sort()).toEqual(Object.keys(valid).sort());
    // Trusting keys is an admin's: unlocked, every method gets as far as reading its input.
    await s.call('auth.unlock', { pin: TEST_PIN });
    for (const method of syncMethods) {
      const schema = api[method].input as unknown as { shape: Record<string, unknown> };
      expect(Object.keys(schema.shape).filter((k) => /path|dir|folder/i.test(k))).toEqual([]);
      expect(api[method].input.safeParse(valid[method]).success).toBe(true);
      for (const extra of [
        { path: join(outside.path, 'x.lpbundle') },
        { paths: [join(outside.path, 'x.lpbundle')] },
        { dir: outside.path },
      ]) {
        const error = await errorOf(s.call(method, { ...valid[method], ...extra } as never));
        expect({ method, extra, code: error.code }).toEqual({
          method,
          extra,
          code: 'invalid_input',
        });
      }
    }
    expect(written()).toEqual([]);
    expect(readdirSync(outside.path)).toEqual([]);
  });

  it('a bundle upload is refused by lead import, and a lead list by sync', async () => {
    const bundle = await s.call('sync.exportBundle', { since: 'all' });
    const id = await upload(s, bundle.path);
    const preview = await errorOf(s.call('imports.preview', { uploadId: id }));
    expect(preview.fields).toEqual([{ path: 'uploadId', key: 'import_is_bundle' }]);
    const run = await errorOf(
      s.call('imports.run', {
        uploadId: id,
        mapping: {
          hasHeader: true,
          columns: { name: 0, phone: 1, source: null, note: null, receivedAt: null },
        },
      }),
    );
    expect(run.fields).toEqual([{ path: 'uploadId', key: 'import_is_bundle' }]);
    await s.call('imports.cancel', { uploadId: id });

    const csv = join(outside.path, 'danh-sach.csv');
    writeFileSync(csv, 'Họ tên,Số điện thoại\nNguyễn Văn Bình,0912000002\n');
    const csvId = await upload(s, csv);
    const error = await errorOf(s.call('sync.importBundles', { uploadIds: [csvId] }));
    expect(error).toMatchObject({
      code: 'bundle_invalid',
      data: { reason: 'foreign', file: 'danh-sach.csv' },
    });
    // The refused upload is gone: the same id is unknown now.
    const gone = await errorOf(s.call('imports.preview', { uploadId: csvId }));
    expect(gone.code).toBe('not_found');
  });

  it('an imported upload is removed; results name the file as the user had it', async () => {
    const bundle = await s.call('sync.exportBundle', { since: 'all' });
    const id = await upload(s, bundle.path, 'Bản của Hoa.lpbundle');
    const { results } = await s.call('sync.importBundles', { uploadIds: [id] });
    expect(results[0]).toMatchObject({
      fileName: 'Bản của Hoa.lpbundle',
      bundleId: bundle.bundleId,
    });
    expect(existsSync(join(s.t.dir, 'imports'))).toBe(false);
    expect((await errorOf(s.call('sync.importBundles', { uploadIds: [id] }))).code).toBe(
      'not_found',
    );
  });
});
