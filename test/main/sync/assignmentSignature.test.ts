import { generateKeyPairSync } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { specOf } from '../../../src/main/core/sync/db/syncRows';
import { fingerprint, rawPublicKey } from '../../../src/main/core/sync/bundleSignature';
import { TEST_PIN } from '../../helpers/access';
import { T0 } from '../../helpers/fakeClock';
import { refusalText } from '../../helpers/refusalText';
import { tempDir } from '../../helpers/tempDir';
import { edit, unpack, type Rec } from '../../helpers/bundleEdit';
import {
  assignLeads,
  canonicalDump,
  customer,
  errorOf,
  exportWork,
  HOUR,
  importAssignment,
  install,
  MINUTE,
  signingKey,
  trustKey,
  type Install,
} from './syncRig';

/*
 * Issue 13, item 2: an agent exported their own work, changed its kind to `assignment`, added a
 * custom status and a newer version of a lead, recomputed the SHA-256 and imported it; the status
 * appeared although `statuses.add` is refused to agents, and the lead was rewritten. An
 * assignment is now taken only when it is signed, unchanged, by a key an admin of the agent's
 * install trusts.
 */

describe('sync: a lead list is taken only from a supervisor key an admin trusts', () => {
  let dir: ReturnType<typeof tempDir>;
  let s: Install;
  let a: Install;
  const file = (n: string) => join(dir.path, n);
  const leadIds: string[] = [];
  let list: string;

  beforeEach(async () => {
    dir = tempDir('leadphone-sign-');
    s = install({ start: T0 - 24 * HOUR, role: 'supervisor' });
    await s.call('agent.set', { name: 'Trần Thị Giám Sát', code: 'GS01' });
    leadIds.length = 0;
    for (const [name, phone] of [
      ['Nguyễn Văn An', '0915000001'],
      ['Lê Thị Bình', '0915000002'],
      ['Phạm Văn Cường', '0915000003'],
    ] as const) {
      leadIds.push((await s.call('leads.add', { name, phone, source: 'Zalo' })).id);
    }
    s.t.clock.advance(MINUTE);
    await s.call('dispositions.save', {
      leadId: leadIds[0]!,
      statusCode: 'new.not_reachable',
      callbackAt: T0 + 2 * HOUR,
    });
    list = file('zalo-a01.lpbundle');
    await assignLeads(s, { filter: { source: 'Zalo' }, agentCode: 'A01' }, list);
    // The agent's desk: an agent install whose admin PIN (TEST_PIN) the agent does not know.
    a = install({ start: T0 });
    await a.call('agent.set', { name: 'Nguyễn Thị Hoa', code: 'A01' });
  });
  afterEach(() => {
    s.t.dispose();
    a.t.dispose();
    dir.remove();
  });

  const statusCodes = (i: Install) =>
    i.db.prepare('SELECT code FROM statuses ORDER BY code').pluck().all() as string[];

  /** A custom customer status made by hand: a built-in's row with a new code and label. */
  function forgedStatus(): Rec {
    const spec = specOf('statuses');
    const row = a.db
      .prepare(`SELECT ${spec.columns.join(', ')} FROM statuses WHERE code = 'customer.potential'`)
      .get() as Rec['row'];
    return {
      t: 'statuses',
      id: 'custom.vip_tu_tao',
      agent: null,
      at: null,
      row: {
        ...row,
        code: 'custom.vip_tu_tao',
        label_vi: 'Khách VIP',
        label_en: 'VIP',
        builtin: 0,
      },
    };
  }

  it('the attack from the issue: an agent’s own work made into a lead list is refused, nothing written', async () => {
    // The desk as an admin set it up: lists signed by this supervisor are taken.
    await trustKey(a, await signingKey(s));
    await importAssignment(a, list);
    a.t.clock.advance(10 * MINUTE);
    await a.call('dispositions.save', {
      leadId: leadIds[1]!,
      statusCode: 'new.converted',
      customer: customer('Lê Thị Bình'),
    });
    // The agent may not add statuses…
    const refused = await errorOf(
      a.call('statuses.add', {
        kind: 'customer',
        stage: null,
        labelVi: 'Khách VIP',
        labelEn: 'VIP',
        color: '#aa0000',
        rule: { kind: 'none' },
      }),
    );
    expect(refused.code).toBe('forbidden');

    // …so they export their work and turn it into a "lead list" for themselves.
    const work = file('a01-work.lpbundle');
    await exportWork(a, 'all', work);
    const forge = (u: ReturnType<typeof unpack>) => {
      u.manifest.kind = 'assignment';
      u.manifest.assignedTo = { code: 'A01' };
      u.records.unshift(forgedStatus());
      const lead = u.records.find((r) => r.t === 'leads' && r.id === leadIds[2])!;
      lead.row = { ...lead.row, name: 'Tên đã bị sửa', updated_at: T0 + 48 * HOUR };
    };
    const before = canonicalDump(a.db);
    const leadBefore = await a.call('leads.get', { id: leadIds[2]! });

    const unsigned = file('forged-unsigned.lpbundle');
    edit(work, unsigned, 'drop', forge);
    const noSignature = await errorOf(importAssignment(a, unsigned));
    expect(noSignature).toMatchObject({
      code: 'bundle_invalid',
      data: { reason: 'unsigned', file: 'forged-unsigned.lpbundle' },
    });
    expect(refusalText(noSignature)).toEqual({
      vi: 'forged-unsigned.lpbundle: Danh sách này không có chữ ký của máy giám sát (có thể đã được tạo hoặc sửa ngoài LeadPhone). Không có gì được nhập.',
      en: 'forged-unsigned.lpbundle: This lead list is not signed by a supervisor’s LeadPhone (it may have been made or edited outside LeadPhone). Nothing was imported.',
    });

    // The supervisor's signature lifted from a real list does not sign anything else.
    const lifted = file('forged-lifted.lpbundle');
    edit(work, lifted, 'keep', (u) => {
      forge(u);
      u.manifest.signature = unpack(list).manifest.signature;
    });
    const badSignature = await errorOf(importAssignment(a, lifted));
    expect(badSignature).toMatchObject({
      code: 'bundle_invalid',
      data: { reason: 'bad_signature' },
    });
    expect(refusalText(badSignature)).toEqual({
      vi: 'forged-lifted.lpbundle: Chữ ký của giám sát không khớp: tệp đã bị sửa sau khi được ký. Không có gì được nhập.',
      en: 'forged-lifted.lpbundle: The supervisor’s signature does not match: the file was changed after it was signed. Nothing was imported.',
    });

    // A key the agent made signs it properly, but nobody here trusts that key.
    const own = generateKeyPairSync('ed25519');
    const ownKey = { privateKey: own.privateKey, publicKey: rawPublicKey(own.publicKey) };
    const selfSigned = file('forged-self-signed.lpbundle');
    edit(work, selfSigned, ownKey, forge);
    const untrusted = await errorOf(importAssignment(a, selfSigned));
    expect(untrusted).toMatchObject({
      code: 'bundle_invalid',
      data: {
        reason: 'untrusted_key',
        fingerprint: fingerprint(ownKey.publicKey),
        publicKey: ownKey.publicKey.toString('base64'),
        signerCode: 'A01',
      },
    });
    // And the agent cannot make their desk trust it.
    const trust = await errorOf(
      a.call('sync.trustKey', {
        publicKey: ownKey.publicKey.toString('base64'),
        label: 'Giám sát',
      }),
    );
    expect(trust.code).toBe('forbidden');
    expect(await errorOf(importAssignment(a, selfSigned))).toMatchObject({
      data: { reason: 'untrusted_key' },
    });

    expect(canonicalDump(a.db)).toEqual(before);
    expect(statusCodes(a)).not.toContain('custom.vip_tu_tao');
    expect(await a.call('leads.get', { id: leadIds[2]! })).toEqual(leadBefore);
    expect((await a.call('statuses.list', {})).map((x) => x.code)).not.toContain(
      'custom.vip_tu_tao',
    );
  });

  it('a real list changed after it was signed is refused: body, manifest or signature', async () => {
    await trustKey(a, await signingKey(s));
    const before = canonicalDump(a.db);
    const cases: [string, (u: ReturnType<typeof unpack>) => void][] = [
      [
        'body',
        (u) => {
          const lead = u.records.find((r) => r.t === 'leads')!;
          lead.row = { ...lead.row, name: 'Tên khác' };
        },
      ],
      ['a record added', (u) => u.records.unshift(forgedStatus())],
      ['addressed to someone else', (u) => (u.manifest.assignedTo = { code: 'B01' })],
      ['an unknown field', (u) => (u.manifest.note = 'thêm')],
      [
        'another signature',
        (u) => {
          const sig = u.manifest.signature as Record<string, string>;
          const bytes = Buffer.from(sig.value!, 'base64');
          bytes[5] = bytes[5]! ^ 0x01;
          u.manifest.signature = { ...sig, value: bytes.toString('base64') };
        },
      ],
      [
        'a malformed signature',
        (u) => (u.manifest.signature = { algorithm: 'ed25519', publicKey: 'x', value: 'y' }),
      ],
    ];
    for (const [name, change] of cases) {
      const forged = file(`changed-${cases.findIndex((c) => c[0] === name)}.lpbundle`);
      edit(list, forged, 'keep', change);
      const error = await errorOf(importAssignment(a, forged));
      expect({ name, code: error.code, reason: error.data?.reason }).toEqual({
        name,
        code: 'bundle_invalid',
        reason: 'bad_signature',
      });
    }
    expect(canonicalDump(a.db)).toEqual(before);
  });

  it('a real list from a supervisor the desk does not trust yet is refused, showing its fingerprint', async () => {
    const key = await signingKey(s);
    const before = canonicalDump(a.db);
    const error = await errorOf(importAssignment(a, list));
    expect(error).toMatchObject({
      code: 'bundle_invalid',
      data: {
        reason: 'untrusted_key',
        fingerprint: key.fingerprint,
        publicKey: key.publicKey,
        signerName: 'Trần Thị Giám Sát',
        signerCode: 'GS01',
      },
    });
    expect(error.message).toContain(key.fingerprint);
    expect(refusalText(error)).toEqual({
      vi: `zalo-a01.lpbundle: Danh sách được ký bằng khóa ${key.fingerprint} của Trần Thị Giám Sát (GS01), nhưng máy này chưa tin cậy khóa đó. Không có gì được nhập.`,
      en: `zalo-a01.lpbundle: The list is signed with key ${key.fingerprint} of Trần Thị Giám Sát (GS01), which this LeadPhone does not trust yet. Nothing was imported.`,
    });
    expect(canonicalDump(a.db)).toEqual(before);
    // A key once trusted and then dropped is not trusted any more.
    await trustKey(a, key);
    await a.call('auth.unlock', { pin: TEST_PIN });
    await a.call('sync.untrustKey', { publicKey: key.publicKey });
    await a.call('auth.lock', {});
    expect((await errorOf(importAssignment(a, list))).data?.reason).toBe('untrusted_key');
    expect(canonicalDump(a.db)).toEqual(before);
  });

  it('a real list from a trusted supervisor goes in and says who signed it', async () => {
    const key = await signingKey(s);
    expect(key.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
    const trusted = await trustKey(a, key, 'Trần Thị Giám Sát (GS01)');
    expect(trusted).toMatchObject({ fingerprint: key.fingerprint, trustedAt: T0 });
    // The list carries the key the supervisor's screen shows.
    const made = await assignLeads(s, { filter: {}, agentCode: 'A01' }, file('all.lpbundle'));
    expect(made.signedBy).toEqual({ fingerprint: key.fingerprint });
    expect(unpack(list).manifest.signature).toMatchObject({ publicKey: key.publicKey });

    const { result } = await importAssignment(a, list);
    expect(result).toMatchObject({
      kind: 'assignment',
      agent: { code: 'GS01' },
      counts: { leads: { added: 3, updated: 0 }, dispositions: { added: 1, updated: 0 } },
      signedBy: { fingerprint: key.fingerprint, label: 'Trần Thị Giám Sát (GS01)' },
    });
    expect((await a.call('leads.list', { stage: 'new' })).items).toHaveLength(3);
  });

  it('trusting a key needs the admin PIN; the agent’s desk makes no key of its own', async () => {
    const key = await signingKey(s);
    const input = { publicKey: key.publicKey, label: 'Giám sát' };
    expect((await errorOf(a.call('sync.trustKey', input))).code).toBe('forbidden');
    expect((await errorOf(a.call('auth.unlock', { pin: '000000' }))).code).toBe('pin_wrong');
    expect((await errorOf(a.call('sync.trustKey', input))).code).toBe('forbidden');
    expect((await errorOf(a.call('sync.signingKey', {}))).code).toBe('forbidden');
    expect(a.db.prepare('SELECT count(*) FROM signing_key').pluck().get()).toBe(0);

    // The admin unlocks one connection (the admin's window); the agent's others stay agents'.
    const adminWindow = a.t.core.openSession();
    const agentWindow = a.t.core.openSession();
    expect(await adminWindow.dispatch('auth.unlock', { pin: TEST_PIN })).toMatchObject({
      ok: true,
    });
    expect(await agentWindow.dispatch('sync.trustKey', input)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await a.call('sync.trustedKeys', {})).toEqual([]);
    expect(await adminWindow.dispatch('sync.trustKey', input)).toMatchObject({
      ok: true,
      value: { fingerprint: key.fingerprint, label: 'Giám sát' },
    });
    // Anyone at the desk may see whom it trusts; only the admin may change it.
    expect(await a.call('sync.trustedKeys', {})).toMatchObject([{ fingerprint: key.fingerprint }]);
    await adminWindow.dispatch('auth.lock', {});
    expect(
      await adminWindow.dispatch('sync.untrustKey', { publicKey: key.publicKey }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await a.call('sync.trustedKeys', {})).toHaveLength(1);
    // A key is 32 bytes of base64; anything else is refused with a key the UI translates.
    await a.call('auth.unlock', { pin: TEST_PIN });
    const bad = await errorOf(a.call('sync.trustKey', { publicKey: 'abc', label: 'x' }));
    expect(bad.fields).toEqual([{ path: 'publicKey', key: 'public_key_invalid' }]);
    await a.call('auth.lock', {});
  });

  it('the supervisor’s key is made once, kept encrypted, and the same after a restart', async () => {
    const key = await signingKey(s);
    expect(await signingKey(s)).toEqual(key);
    const stored = s.db.prepare('SELECT * FROM signing_key').get() as {
      public_key: Buffer;
      private_key_enc: Buffer;
    };
    expect(stored.public_key.toString('base64')).toBe(key.publicKey);
    // The private key's DER (PKCS#8 of Ed25519: a fixed 16-byte header, then the 32-byte
    // seed) is nowhere in the row, neither as bytes nor as base64.
    const header = Buffer.from('302e020100300506032b657004220420', 'hex');
    expect(stored.private_key_enc.includes(header)).toBe(false);
    expect(stored.private_key_enc.toString('latin1')).not.toMatch(/^MC4CAQAwBQYDK2Vw/);
    expect(stored.private_key_enc.subarray(0, 3).toString()).toBe('lp1');

    const dataDir = s.t.dir;
    s.t.core.close();
    const again = install({ dir: dataDir, role: 'supervisor', start: T0 });
    // afterEach disposes the install now on the folder, and the folder.
    s = {
      ...again,
      t: {
        ...again.t,
        dispose: () => {
          again.t.core.close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      },
    };
    expect(await signingKey(again)).toEqual(key);
    const made = await assignLeads(again, { filter: {}, agentCode: 'A01' }, file('x.lpbundle'));
    expect(made.signedBy).toEqual({ fingerprint: key.fingerprint });
  });
});
