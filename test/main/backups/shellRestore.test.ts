import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../src/main/electron/ipc';
import { createFakeElectron, FakeBrowserWindow } from '../../helpers/fakeElectron';
import { damagedDataDir } from '../../helpers/damagedDb';
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
    backupName = await damagedDataDir(dir.path);

    await import('../../../src/main/electron/index');
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
