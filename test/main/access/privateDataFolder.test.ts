import { randomUUID } from 'node:crypto';
import { chmodSync, lstatSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLog, LOG_DIR } from '../../../src/main/core/infra/fileLog';
import type { Log } from '../../../src/main/core/infra/log';
import { startHost, type Host } from '../../../src/main/host/server';
import { createClient, type Client } from '../../../src/renderer/api/client';
import { createWebSocketTransport } from '../../../src/renderer/api/websocketTransport';
import { TEST_PIN } from '../../helpers/access';
import { setTestAgent } from '../../helpers/agent';
import { tempCore, type TempCore } from '../../helpers/tempCore';
import { tempDir } from '../../helpers/tempDir';

// Customer data is for the computer account that runs LeadPhone alone: the data folder and
// everything in it owner-only, whatever umask the process was started with.

/** Every folder and file under `root` (itself included) whose mode lets anyone else in. */
function shared(root: string): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    const st = lstatSync(path);
    const mode = st.mode & 0o777;
    const want = st.isDirectory() ? 0o700 : 0o600;
    if (mode !== want) found.push(`${path.slice(root.length) || '/'} ${mode.toString(8)}`);
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(root);
  return found;
}

/** Every path under `root`, relative, for the test to show what it walked. */
function walk(root: string, path = root): string[] {
  const names = lstatSync(path).isDirectory() ? readdirSync(path) : [];
  return [path.slice(root.length + 1), ...names.flatMap((n) => walk(root, join(path, n)))];
}

const CSV = 'Họ tên,SĐT,Nguồn\nChị Lan,0912345678,Facebook\nAnh Minh,0987654321,Zalo\n';

describe('the data folder is owner-only (umask 022)', () => {
  let umask: number;
  let parent: { path: string; remove(): void };
  let t: TempCore | undefined;
  let host: Host | undefined;
  let transport: ReturnType<typeof createWebSocketTransport> | undefined;

  beforeEach(() => {
    // The usual desktop umask: without explicit modes every file would be 0644, folders 0755.
    umask = process.umask(0o022);
    parent = tempDir();
  });
  afterEach(async () => {
    transport?.close();
    await host?.close();
    t?.dispose();
    parent.remove();
    process.umask(umask);
  });

  /** A core on a data folder it creates itself, as at a first start, behind the host. */
  async function start(dataDir: string): Promise<Client> {
    // The file log comes after the core here, so that the core is the one creating the folder.
    const file: { log?: Log } = {};
    const log: Log = {
      info: (m, c) => file.log?.info(m, c),
      warn: (m, c) => file.log?.warn(m, c),
      error: (m, c) => file.log?.error(m, c),
    };
    t = tempCore({ dir: dataDir, log });
    file.log = createFileLog({ dir: join(dataDir, LOG_DIR) });
    setTestAgent(t.core.db);
    host = await startHost({ core: t.core, rendererDir: join(parent.path, 'none'), log });
    transport = createWebSocketTransport(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`);
    const client = createClient(transport);
    await client.call('auth.unlock', { pin: TEST_PIN });
    return client;
  }

  async function upload(client: Client, fileName: string, content: string): Promise<string> {
    const bytes = Buffer.from(content, 'utf8');
    const { uploadId } = await client.call('imports.begin', { fileName, size: bytes.length });
    await client.call('imports.chunk', { uploadId, offset: 0, data: bytes.toString('base64') });
    return uploadId;
  }

  it('database, WAL, backups, exports, bundles, uploads, import runs, logs, diagnostics', async () => {
    const dataDir = join(parent.path, 'LeadPhone');
    const client = await start(dataDir);
    await client.call('leads.add', { name: 'Chị Hoa', phone: '0901234567' });

    await client.call('exports.start', { id: randomUUID(), kind: 'leads', format: 'csv' });
    await client.call('exports.start', { id: randomUUID(), kind: 'leads', format: 'xlsx' });
    await client.call('backups.create', {});
    await client.call('sync.exportBundle', { since: 'all' });
    const imported = await upload(client, 'khach.csv', CSV);
    await client.call('imports.run', {
      uploadId: imported,
      mapping: {
        hasHeader: true,
        columns: { name: 0, phone: 1, source: 2, note: null, receivedAt: null },
      },
    });
    await upload(client, 'chua-nhap.csv', CSV); // uploaded, not imported yet
    await client.call('diagnostics.save', {});
    // The secrets key is made when the first secret is stored (here: the signing key).
    await client.call('sync.signingKey', {});

    const names = walk(dataDir);
    for (const expected of [
      'leadphone.db',
      'leadphone.db-wal',
      'leadphone.db-shm',
      'secret.key',
      'backups',
      'exports',
      'bundles',
      'imports', // uploads
      'import-runs',
      'logs',
      'diagnostics',
    ]) {
      expect(names, `${expected} in the data folder`).toContain(expected);
    }
    for (const folder of ['backups', 'exports', 'bundles', 'imports', 'diagnostics', 'logs']) {
      expect(
        names.filter((n) => n.startsWith(`${folder}/`)).length,
        `files in ${folder}`,
      ).toBeGreaterThan(0);
    }
    expect(names.filter((n) => n.startsWith('exports/'))).toHaveLength(2);
    expect(shared(dataDir)).toEqual([]);
  }, 60_000);

  it('an install made before the rule is made private at the next start', async () => {
    const dataDir = join(parent.path, 'LeadPhone');
    const client = await start(dataDir);
    await client.call('exports.start', { id: randomUUID(), kind: 'leads', format: 'csv' });
    await client.call('backups.create', {});
    transport!.close();
    await host!.close();
    t!.dispose();
    t = undefined;
    host = undefined;
    transport = undefined;
    // What an older LeadPhone left: everything readable by all; plus a file copied in by hand.
    writeFileSync(join(dataDir, 'backups', 'copied-by-hand.db'), 'x', { mode: 0o644 });
    for (const name of walk(dataDir)) {
      const path = join(dataDir, name);
      chmodSync(path, lstatSync(path).isDirectory() ? 0o755 : 0o644);
    }
    expect(shared(dataDir).length).toBeGreaterThan(5);

    await start(dataDir);
    expect(shared(dataDir)).toEqual([]);
  }, 60_000);
});
