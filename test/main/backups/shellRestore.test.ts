import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../src/main/ipc';
import { createFakeElectron, FakeBrowserWindow } from '../../helpers/fakeElectron';
import { tempCore } from '../../helpers/tempCore';
import { tempDir } from '../../helpers/tempDir';

// The Electron shell on a damaged database: it still opens its window (no error box, no exit),
// the window learns `db_corrupt`, and a restore relaunches the app so it is applied at start.
const dir = tempDir();
const fake = createFakeElectron(dir.path);
let relaunched = 0;
let quit = 0;
vi.mock('electron', () => ({
  ...fake.module,
  app: {
    ...fake.module.app,
    relaunch: () => relaunched++,
    quit: () => quit++,
  },
}));

describe('the Electron shell on a damaged database', () => {
  let backupName = '';
  const fromApp = { senderFrame: { url: `${APP_ORIGIN}/index.html` } };

  beforeAll(async () => {
    const dbPath = join(dir.path, 'leadphone.db');
    const healthy = tempCore({ dir: dir.path });
    for (let i = 1; i <= 300; i++) {
      await healthy.core.dispatch('leads.add', {
        name: `Khách ${i}`,
        phone: `0912${String(i).padStart(6, '0')}`,
      });
    }
    const backup = await healthy.core.dispatch('backups.create', {});
    if (!backup.ok) throw new Error(backup.error.message);
    backupName = (backup.value as { name: string }).name;
    healthy.core.close();
    await vi.waitFor(() => expect(existsSync(`${dbPath}-wal`)).toBe(false), { timeout: 5000 });
    const fd = openSync(dbPath, 'r+');
    const pages = Math.floor(statSync(dbPath).size / 4096);
    for (let p = 3; p < pages - 1; p += 2) {
      writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, p * 4096);
    }
    closeSync(fd);

    await import('../../../src/main/index');
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
  });
  afterAll(() => {
    for (const l of fake.appListeners.get('will-quit') ?? []) l();
    dir.remove();
  });

  it('opens the window and answers db_corrupt, with the backups still listed', async () => {
    const handle = fake.ipcHandlers.get(INVOKE_CHANNEL)!;
    expect(await handle(fromApp, 'leads.list', { stage: 'new' })).toMatchObject({
      ok: false,
      error: { code: 'db_corrupt' },
    });
    expect(await handle(fromApp, 'backups.list', {})).toMatchObject({
      ok: true,
      value: { degraded: true, items: [{ name: backupName }] },
    });
  });

  it('relaunches after a restore is scheduled, once the window has been told', async () => {
    const handle = fake.ipcHandlers.get(INVOKE_CHANNEL)!;
    const win = FakeBrowserWindow.created[0]!;
    expect(await handle(fromApp, 'backups.restore', { name: backupName })).toMatchObject({
      ok: true,
      value: { restartRequired: true },
    });
    expect(win.webContents.sent).toContainEqual([
      EVENT_CHANNEL,
      'backups.restoreScheduled',
      { name: backupName },
    ]);
    expect(relaunched).toBe(0);
    await vi.waitFor(() => expect(relaunched).toBe(1), { timeout: 5000 });
    expect(quit).toBeGreaterThanOrEqual(1);
  });
});
