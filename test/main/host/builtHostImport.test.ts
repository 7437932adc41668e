import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ImportReport } from '../../../src/shared/importTypes';
import { tempDir } from '../../helpers/tempDir';

// `npm test` builds first; the bundle is what `npm run host` and the desktop app run.
const root = join(__dirname, '..', '..', '..');
const hostBundle = join(root, 'out', 'main', 'host.js');

function startBuiltHost(dataDir: string): Promise<{ child: ChildProcess; url: URL }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [hostBundle, '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (\S+)/.exec(out);
      if (m) resolve({ child, url: new URL(m[1]!) });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`host exited (${code}): ${out}`)));
  });
}

function client(url: URL) {
  const ws = new WebSocket(`ws://${url.host}/ws?token=${url.searchParams.get('token')}`, {
    headers: { origin: `http://${url.host}` },
  });
  let next = 1;
  const waiting = new Map<number, (frame: { result: unknown }) => void>();
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { id?: number; result: unknown };
    if (frame.id !== undefined) waiting.get(frame.id)?.(frame);
  });
  const opened = new Promise((r, j) => {
    ws.once('open', r);
    ws.once('error', j);
  });
  return {
    ws,
    async call<T>(method: string, input: unknown): Promise<T> {
      await opened;
      const id = next++;
      const frame = await new Promise<{ result: unknown }>((r) => {
        waiting.set(id, r);
        ws.send(JSON.stringify({ id, method, input }));
      });
      const result = frame.result as { ok: boolean; value?: T; error?: unknown };
      if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
      return result.value as T;
    },
  };
}

describe('the built host', () => {
  let child: ChildProcess | undefined;
  const dir = tempDir();
  afterEach(() => {
    child?.kill('SIGKILL');
    dir.remove();
  });

  it('imports a lead file in its worker thread, from the bundle', async () => {
    expect(existsSync(join(root, 'out', 'main', 'importWorker.js'))).toBe(true);
    const started = await startBuiltHost(dir.path);
    child = started.child;
    const c = client(started.url);
    const csv = Buffer.from('Họ tên,SĐT\nNguyễn Văn A,0912345678\nTrần B,0987654321\n');
    const { uploadId } = await c.call<{ uploadId: string }>('imports.begin', {
      fileName: 'leads.csv',
      size: csv.length,
    });
    await c.call('imports.chunk', { uploadId, offset: 0, data: csv.toString('base64') });
    const preview = await c.call<{ mapping: unknown }>('imports.preview', { uploadId });
    const report = await c.call<ImportReport>('imports.run', {
      uploadId,
      mapping: preview.mapping,
    });
    expect(report.counts).toMatchObject({ rowsRead: 2, newLeads: 2 });
    const list = await c.call<{ items: { name: string }[] }>('leads.list', { stage: 'new' });
    expect(list.items.map((l) => l.name).sort()).toEqual(['Nguyễn Văn A', 'Trần B']);
    c.ws.close();
  });
});
