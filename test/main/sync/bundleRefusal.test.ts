import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T0 } from '../../helpers/fakeClock';
import { tempDir } from '../../helpers/tempDir';
import {
  canonicalDump,
  customer,
  errorOf,
  exportWork,
  importBundles,
  type Install,
  install,
  MINUTE,
  order,
  upload,
} from './syncRig';

/** Opens a bundle, lets a test change it, and writes it back with a valid checksum. */
function rewrite(
  from: string,
  to: string,
  change: (m: Record<string, unknown>, lines: string[]) => void,
) {
  const text = gunzipSync(readFileSync(from)).toString('utf8');
  const nl = text.indexOf('\n');
  const manifest = JSON.parse(text.slice(0, nl)) as Record<string, unknown>;
  const lines = text
    .slice(nl + 1)
    .split('\n')
    .filter((l) => l !== '');
  change(manifest, lines);
  const body = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
  manifest.body = {
    sha256: createHash('sha256').update(body).digest('hex'),
    bytes: body.length,
    records: lines.length,
  };
  writeFileSync(to, gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(manifest)}\n`), body])));
}

describe('sync: damaged, altered and foreign files are refused and change nothing', () => {
  const dir = tempDir('leadphone-sync-bad-');
  const file = (n: string) => join(dir.path, n);
  let supervisor: Install;
  let good: string;
  let before: ReturnType<typeof canonicalDump>;

  beforeAll(async () => {
    const a = install({ start: T0 });
    await a.call('agent.set', { name: 'Nguyễn Thị Hoa', code: 'A01' });
    for (let i = 0; i < 5; i++) {
      const lead = await a.call('leads.add', { name: `Khách ${i}`, phone: `091300000${i}` });
      a.t.clock.advance(MINUTE);
      await a.call('dispositions.save', {
        leadId: lead.id,
        statusCode: 'new.converted',
        customer: customer(`Khách hàng số ${i}`),
        order: i % 2 === 0 ? order : null,
      });
    }
    good = file('a.lpbundle');
    await exportWork(a, 'all', good);
    a.t.dispose();

    supervisor = install({ start: T0 + 3_600_000, role: 'supervisor' });
    await supervisor.call('agent.set', { name: 'Giám sát', code: 'GS01' });
    await supervisor.call('leads.add', { name: 'Khách của giám sát', phone: '0913999999' });
    before = canonicalDump(supervisor.db);
  });
  afterAll(() => {
    supervisor.t.dispose();
    dir.remove();
  });

  async function refused(paths: string[]) {
    const error = await errorOf(importBundles(supervisor, paths));
    expect(canonicalDump(supervisor.db)).toEqual(before);
    return error;
  }

  it('a truncated file', async () => {
    const bytes = readFileSync(good);
    writeFileSync(file('cut.lpbundle'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await refused([file('cut.lpbundle')]);
    expect(error.code).toBe('bundle_invalid');
    expect(error.data).toMatchObject({ reason: 'truncated', file: 'cut.lpbundle' });
    expect(error.message).toMatch(/cut\.lpbundle.*incomplete.*Nothing was imported/);
  });

  it('a body cut off at a line, recompressed', async () => {
    const text = gunzipSync(readFileSync(good)).toString('utf8');
    const lines = text.split('\n');
    writeFileSync(file('short.lpbundle'), gzipSync(lines.slice(0, lines.length - 4).join('\n')));
    expect((await refused([file('short.lpbundle')])).data?.reason).toBe('truncated');
  });

  it('a body changed after the checksum was made', async () => {
    const text = gunzipSync(readFileSync(good)).toString('utf8');
    const altered = text.replace('"quantity":2', '"quantity":9');
    expect(altered).not.toBe(text);
    writeFileSync(file('altered.lpbundle'), gzipSync(altered));
    expect((await refused([file('altered.lpbundle')])).data?.reason).toBe('checksum');
  });

  it('foreign files: a CSV, another app’s gzip named .lpbundle, an empty file', async () => {
    writeFileSync(file('leads.csv'), 'Họ tên,Số điện thoại\nNguyễn Văn An,0912345678\n');
    writeFileSync(file('other.gz'), gzipSync('{"format":"something-else"}\n{"t":"leads"}\n'));
    // A lead list uploaded to sync is not even opened as a bundle.
    const csv = await refused([file('leads.csv')]);
    expect(csv).toMatchObject({ code: 'bundle_invalid', data: { reason: 'foreign' } });
    expect(csv.data?.file).toBe('leads.csv');
    const ids = [await upload(supervisor, file('other.gz'), 'other.lpbundle')];
    const gz = await errorOf(supervisor.call('sync.importBundles', { uploadIds: ids }));
    expect(gz).toMatchObject({ code: 'bundle_invalid', data: { reason: 'foreign' } });
    expect(gz.data?.file).toBe('other.lpbundle');
    // An empty file is not even taken as an upload.
    writeFileSync(file('empty.lpbundle'), '');
    expect((await errorOf(upload(supervisor, file('empty.lpbundle')))).code).toBe('invalid_input');
    expect(canonicalDump(supervisor.db)).toEqual(before);
  });

  it('records that do not fit, even with a valid checksum', async () => {
    rewrite(good, file('extra-column.lpbundle'), (_m, lines) => {
      const i = lines.findIndex((l) => l.includes('"t":"calls"'));
      const r = JSON.parse(lines[i]!) as { row: Record<string, unknown> };
      r.row.secret = 'x';
      lines[i] = JSON.stringify(r);
    });
    expect((await refused([file('extra-column.lpbundle')])).data?.reason).toBe('corrupt');

    rewrite(good, file('bad-value.lpbundle'), (_m, lines) => {
      const i = lines.findIndex((l) => l.includes('"t":"dispositions"'));
      const r = JSON.parse(lines[i]!) as { row: Record<string, unknown> };
      r.row.created_at = 'hôm qua';
      lines[i] = JSON.stringify(r);
    });
    expect((await refused([file('bad-value.lpbundle')])).data?.reason).toBe('corrupt');

    rewrite(good, file('unknown-status.lpbundle'), (_m, lines) => {
      const i = lines.findIndex((l) => l.includes('"t":"dispositions"'));
      const r = JSON.parse(lines[i]!) as { row: Record<string, unknown> };
      r.row.status_code = 'custom.not-in-this-bundle';
      lines[i] = JSON.stringify(r);
    });
    expect((await refused([file('unknown-status.lpbundle')])).data?.reason).toBe('corrupt');

    rewrite(good, file('counts.lpbundle'), (m) => {
      (m.counts as Record<string, number>).leads = 99;
    });
    expect((await refused([file('counts.lpbundle')])).data?.reason).toBe('corrupt');
  });

  it('a bundle from a newer LeadPhone', async () => {
    rewrite(good, file('newer.lpbundle'), (m) => {
      m.schemaVersion = 9999;
    });
    expect((await refused([file('newer.lpbundle')])).data?.reason).toBe('too_new');
  });

  it('a good bundle next to a bad one: neither is imported', async () => {
    const bytes = readFileSync(good);
    writeFileSync(file('cut2.lpbundle'), bytes.subarray(0, bytes.length - 10));
    expect((await refused([good, file('cut2.lpbundle')])).data?.file).toBe('cut2.lpbundle');
    // A record that only fails inside the merge transaction rolls back the good one too.
    expect((await refused([good, file('bad-value.lpbundle')])).data?.reason).toBe('corrupt');
  });

  it('an unknown or unfinished upload is refused; every upload is removed afterwards', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const error = await errorOf(supervisor.call('sync.importBundles', { uploadIds: [unknown] }));
    expect(error).toMatchObject({ code: 'not_found' });
    const bytes = readFileSync(good);
    const { uploadId } = await supervisor.call('imports.begin', {
      fileName: 'half.lpbundle',
      size: bytes.length,
    });
    await supervisor.call('imports.chunk', {
      uploadId,
      offset: 0,
      data: bytes.subarray(0, 100).toString('base64'),
    });
    const half = await errorOf(supervisor.call('sync.importBundles', { uploadIds: [uploadId] }));
    expect(half.fields?.[0]?.key).toBe('import_upload_incomplete');
    expect(canonicalDump(supervisor.db)).toEqual(before);
    // All the refused imports above left no file behind in the uploads folder.
    const uploads = join(supervisor.t.dir, 'imports');
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
  });

  it('the good bundle itself goes in', async () => {
    const { results } = await importBundles(supervisor, [good]);
    expect(results[0]!.counts.leads).toEqual({ added: 5, updated: 0 });
    expect(results[0]!.counts.orders).toEqual({ added: 3, updated: 0 });
  });
});
