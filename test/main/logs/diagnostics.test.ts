import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLog, LOG_DIR } from '../../../src/main/core/infra/fileLog';
import { latestVersion } from '../../../src/main/core/db/open';
import { APP_VERSION } from '../../../src/main/core';
import { tempCore, type TempCore } from '../../helpers/tempCore';
import { tempDir } from '../../helpers/tempDir';

const PASSWORD = 'Diag-Secret-77!';

describe('save diagnostics', () => {
  let t: TempCore;
  const dir = tempDir();
  afterEach(() => {
    t.dispose();
    dir.remove();
  });

  it('zips the logs and the versions, and never the database, the key or a secret', async () => {
    const log = createFileLog({ dir: join(dir.path, LOG_DIR), maxBytes: 4_000, keep: 2 });
    t = tempCore({ dir: dir.path, log, role: 'agent' });
    const s = t.core.openSession();
    await s.dispatch('auth.unlock', { pin: '246810' });
    await s.dispatch('sipAccounts.save', {
      name: 'PBX',
      wsServer: 'wss://pbx.example.vn/ws',
      domain: 'pbx.example.vn',
      username: '101',
      password: PASSWORD,
    });
    await s.dispatch('leads.add', { name: 'Chị Lan', phone: '0912345678' });
    for (let i = 0; i < 60; i++)
      log.info('working', { i, password: PASSWORD, phone: '0912345678' });
    await s.dispatch('auth.lock', {});

    // An agent may save it (to send to support) — into the data folder by default.
    const result = await s.dispatch('diagnostics.save', {});
    expect(result.ok).toBe(true);
    const { path, bytes } = (result as { value: { path: string; bytes: number } }).value;
    expect(path.startsWith(join(dir.path, 'diagnostics'))).toBe(true);
    const zipBytes = readFileSync(path);
    expect(zipBytes.length).toBe(bytes);

    const entries = unzipSync(zipBytes);
    const names = Object.keys(entries).sort();
    expect(names).toEqual([
      'logs/leadphone.1.log',
      'logs/leadphone.2.log',
      'logs/leadphone.log',
      'versions.json',
    ]);
    const versions = JSON.parse(strFromU8(entries['versions.json']!)) as Record<string, unknown>;
    expect(versions).toMatchObject({
      app: APP_VERSION,
      schema: latestVersion(),
      node: process.versions.node,
      platform: process.platform,
    });
    expect(versions.sqlite).toMatch(/^3\.\d+/);
    expect(strFromU8(entries['logs/leadphone.log']!)).toContain('"message":"working"');

    for (const content of Object.values(entries)) {
      const text = Buffer.from(content);
      expect(text.includes(PASSWORD)).toBe(false);
      expect(text.includes('0912345678')).toBe(false);
      expect(text.includes('SQLite format 3')).toBe(false);
    }
    expect(zipBytes.includes(PASSWORD)).toBe(false);

    // Saving again at once gets a name of its own.
    const again = await s.dispatch('diagnostics.save', {});
    expect(again).toMatchObject({ ok: true });
    expect((again as { value: { path: string } }).value.path).not.toBe(path);

    // The renderer cannot choose where: a path is refused and nothing is written there.
    const chosen = join(dir.path, 'out', 'support.zip');
    expect(await s.dispatch('diagnostics.save', { path: chosen })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(existsSync(chosen)).toBe(false);
  });
});
