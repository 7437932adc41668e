import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import type { ApiError } from '../../../src/shared/errors';
import type { Lead } from '../../../src/shared/domain';
import { tempCore, type TempCore } from '../../helpers/tempCore';

// The do-not-call lists on a real core: the team's own (filled by a lead's flag and by hand)
// and the national register (an operator's file, imported whole in a worker or not at all).
// A listed number cannot be dialled: calls.start refuses before any record is opened.

let t: TempCore;
let core: Core;
beforeEach(() => {
  t = tempCore();
  core = t.core;
});
afterEach(() => t.dispose());

async function call<T = unknown>(method: string, input: unknown): Promise<T> {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
async function refusal(method: string, input: unknown): Promise<ApiError> {
  const r = await core.dispatch(method, input);
  if (r.ok) throw new Error(`${method} went through`);
  return r.error;
}
async function upload(fileName: string, content: string | Buffer): Promise<string> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const { uploadId } = await call<{ uploadId: string }>('imports.begin', {
    fileName,
    size: bytes.length,
  });
  await call('imports.chunk', { uploadId, offset: 0, data: bytes.toString('base64') });
  return uploadId;
}
const FILE_DATE = Date.UTC(2026, 10, 1);
async function importRegister(fileName: string, content: string | Buffer) {
  return core.dispatch('dnc.importRegister', {
    uploadId: await upload(fileName, content),
    fileDate: FILE_DATE,
  });
}
const callCount = () => core.db.prepare('SELECT count(*) FROM calls').pluck().get() as number;
const dial = (leadId: string | null, number: string) =>
  core.dispatch('calls.start', { leadId, direction: 'outbound', number });

describe("the team's list", () => {
  it('takes a lead marked "Không gọi lại" and refuses its number however it is dialled', async () => {
    const lead = await call<Lead>('leads.add', { name: 'Chị Lan', phone: '0912 345 678' });
    await call('leads.update', { id: lead.id, doNotCall: true });
    const list = await call<{ items: { phone: string; source: string; leadId: string }[] }>(
      'dnc.list',
      {},
    );
    expect(list.items).toEqual([
      expect.objectContaining({ phone: '+84912345678', source: 'lead', leadId: lead.id }),
    ]);
    expect(
      (await refusal('calls.start', { leadId: lead.id, direction: 'outbound', number: 'x' })).code,
    ).toBe('do_not_call');
    // Typed on the keypad in another form: the same number.
    const typed = await dial(null, '84 912.345.678');
    expect(typed.ok || typed.error).toMatchObject({
      code: 'dnc_blocked',
      data: { list: 'team' },
    });
    expect(callCount()).toBe(0);
    // Taking the flag off takes the lead's entry off.
    await call('leads.update', { id: lead.id, doNotCall: false });
    expect((await call<{ items: unknown[] }>('dnc.list', {})).items).toEqual([]);
    expect((await dial(lead.id, '0912345678')).ok).toBe(true);
  });

  it('takes numbers by hand with a reason, refuses them with it, and lets them go', async () => {
    const lead = await call<Lead>('leads.add', { name: 'Anh Tâm', phone: '0987 654 321' });
    const entry = await call('dnc.add', { number: '+84987654321', reason: 'Khiếu nại qua email' });
    expect(entry).toMatchObject({
      phone: '+84987654321',
      source: 'manual',
      reason: 'Khiếu nại qua email',
    });
    const refused = await refusal('calls.start', {
      leadId: lead.id,
      direction: 'outbound',
      number: '0987654321',
    });
    expect(refused).toMatchObject({
      code: 'dnc_blocked',
      data: { list: 'team', reason: 'Khiếu nại qua email', since: t.clock.now() },
    });
    expect(await call('compliance.check', { leadId: lead.id, number: '0987654321' })).toEqual({
      block: { kind: 'dnc', list: 'team', reason: 'Khiếu nại qua email', since: t.clock.now() },
    });
    const page = await call<{ items: Lead[] }>('leads.list', { stage: 'new' });
    expect(page.items.find((l) => l.id === lead.id)?.dncList).toBe('team');

    expect((await refusal('dnc.add', { number: '12', reason: 'x' })).fields).toEqual([
      { path: 'number', key: 'phone_invalid' },
    ]);
    expect((await refusal('dnc.add', { number: '0987654321', reason: ' ' })).fields).toEqual([
      { path: 'reason', key: 'dnc_reason_required' },
    ]);
    await call('dnc.remove', { number: '0987 654 321' });
    expect((await dial(lead.id, '0987654321')).ok).toBe(true);
    expect((await refusal('dnc.remove', { number: '0987654321' })).code).toBe('not_found');
  });

  it('is kept by supervisors: an agent may not change it', async () => {
    const agent = tempCore({ role: 'agent' });
    try {
      const r = await agent.core.dispatch('dnc.add', { number: '0912345678', reason: 'x' });
      expect(!r.ok && r.error.code).toBe('forbidden');
      const imp = await agent.core.dispatch('dnc.importRegister', {
        uploadId: '00000000-0000-4000-8000-000000000000',
        fileDate: FILE_DATE,
      });
      expect(!imp.ok && imp.error.code).toBe('forbidden');
    } finally {
      agent.dispose();
    }
  });
});

describe('the national register', () => {
  const REGISTER = [
    'SoDienThoai',
    '0903000001',
    '84903000002',
    '+84 903 000 003',
    '0903000001',
    'ghi chú',
    '',
  ].join('\r\n');

  it('imports a file of numbers in a worker, with progress, and refuses them at calls.start', async () => {
    const progress: number[] = [];
    core.onEvent((name, payload) => {
      if (name === 'dnc.progress') progress.push((payload as { fraction: number }).fraction);
    });
    const r = await importRegister('dnc-2026-11-01.csv', REGISTER);
    expect(r.ok && r.value).toEqual({
      fileName: 'dnc-2026-11-01.csv',
      fileDate: FILE_DATE,
      importedAt: t.clock.now(),
      numbers: 3,
      invalidLines: 1,
    });
    expect(progress.length).toBeGreaterThan(0);
    expect(await call('dnc.register', {})).toEqual({ register: r.ok && r.value });
    expect(await dial(null, '0903 000 002')).toMatchObject({
      ok: false,
      error: { code: 'dnc_blocked', data: { list: 'national', since: FILE_DATE } },
    });
    const lead = await call<Lead>('leads.add', { name: 'Cô Mai', phone: '0903000003' });
    expect((await dial(lead.id, '0903000003')).ok).toBe(false);
    expect(callCount()).toBe(0);
    expect((await dial(null, '0903000004')).ok).toBe(true);
  });

  it('reads a column of numbers among other columns', async () => {
    const r = await importRegister(
      'dk.csv',
      'stt;so;ngay\n1;0904000001;01/11\n2;"0904000002";01/11\n',
    );
    expect(r.ok && (r.value as { numbers: number }).numbers).toBe(2);
    expect((await dial(null, '0904000002')).ok).toBe(false);
  });

  it('refuses a corrupt file and keeps the copy in force', async () => {
    await importRegister('dnc.txt', REGISTER);
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
    const cases: [string, string | Buffer, string][] = [
      ['binary.txt', binary, 'not_text'],
      ['nothing.txt', 'họ tên\nkhông có số\n', 'no_numbers'],
      ['cut.txt', '0905000001\n0905000002\n09050', 'truncated'],
    ];
    for (const [name, content, reason] of cases) {
      const r = await importRegister(name, content);
      expect(!r.ok && r.error).toMatchObject({
        code: 'dnc_file_refused',
        data: { reason },
        fields: [{ path: 'uploadId', key: `dnc_file_${reason}` }],
      });
    }
    expect(await call('dnc.register', {})).toMatchObject({
      register: { fileName: 'dnc.txt', numbers: 3 },
    });
    expect((await dial(null, '0903000001')).ok).toBe(false);
    expect((await dial(null, '0905000001')).ok).toBe(true);
    // No half-built copy is left behind.
    expect(
      core.db
        .prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'dnc_national_next'")
        .pluck()
        .get(),
    ).toBe(0);
  });

  it('replaces the copy in force whole', async () => {
    await importRegister('old.txt', '0906000001\n0906000002\n');
    await importRegister('new.txt', '0906000003\n');
    expect((await dial(null, '0906000001')).ok).toBe(true);
    expect((await dial(null, '0906000003')).ok).toBe(false);
  });

  it('flags the rows of a lead import whose number is on a list', async () => {
    await importRegister('dnc.txt', REGISTER);
    const path = join(t.dir, 'leads.csv');
    writeFileSync(path, 'Họ tên,SĐT\nChị A,0903000001\nAnh B,0907000001\n');
    const report = await call<{ lines: { row: number; reason: string }[] }>('imports.run', {
      uploadId: await upload('leads.csv', 'Họ tên,SĐT\nChị A,0903000001\nAnh B,0907000001\n'),
      mapping: {
        hasHeader: true,
        columns: { name: 0, phone: 1, source: null, note: null, receivedAt: null },
      },
    });
    expect(report.lines).toEqual([expect.objectContaining({ row: 2, reason: 'on_dnc_list' })]);
    const page = await call<{ items: Lead[] }>('leads.list', { stage: 'new' });
    expect(page.items.map((l) => [l.name, l.dncList])).toEqual(
      expect.arrayContaining([
        ['Chị A', 'national'],
        ['Anh B', undefined],
      ]),
    );
  });
});
