import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../src/main/electron/ipc';
import { createFakeElectron, fakeSession, FakeBrowserWindow } from '../../helpers/fakeElectron';
import { tempDir } from '../../helpers/tempDir';

// Electron's module is replaced by a thin fake; everything else (core, IPC handler, protocol
// handler, window set-up) is the real code of src/main/electron/index.ts.
const dir = tempDir();
const fake = createFakeElectron(dir.path);
vi.mock('electron', () => fake.module);

describe('the Electron shell', () => {
  let win: FakeBrowserWindow;

  beforeAll(async () => {
    await import('../../../src/main/electron/index');
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
    win = FakeBrowserWindow.created[0]!;
  });
  afterAll(() => {
    for (const l of fake.appListeners.get('will-quit') ?? []) l();
    dir.remove();
  });

  it('creates the window with the security checklist on', () => {
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(win.options.webPreferences?.preload)).toMatch(/preload[/\\]preload\.cjs$/);
    expect(win.loadedUrl).toBe(`${APP_ORIGIN}/index.html`);
  });

  it('loads the app from its own app:// scheme, not file://', () => {
    expect(fake.privilegedSchemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(fake.protocolHandlers.has('app')).toBe(true);
  });

  it('denies navigation away from the app and every new window', () => {
    expect(win.webContents.navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(win.webContents.navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(win.webContents.navigate('will-navigate', `${APP_ORIGIN}/index.html`)).toBe(false);
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({
      action: 'deny',
    });
  });

  it('grants the microphone and notifications to the app only', () => {
    const ask = (permission: string, requestingUrl: string, mediaTypes?: string[]) => {
      let answer: boolean | undefined;
      fakeSession.permissionRequestHandler!(win.webContents, permission, (a) => (answer = a), {
        requestingUrl,
        ...(mediaTypes ? { mediaTypes } : {}),
      });
      return answer;
    };
    expect(ask('media', `${APP_ORIGIN}/index.html`, ['audio'])).toBe(true);
    expect(ask('notifications', `${APP_ORIGIN}/index.html`)).toBe(true);
    expect(ask('media', `${APP_ORIGIN}/index.html`, ['video'])).toBe(false);
    expect(ask('media', 'https://evil.example/', ['audio'])).toBe(false);
    expect(ask('geolocation', `${APP_ORIGIN}/index.html`)).toBe(false);
    expect(fakeSession.permissionCheckHandler!(null, 'media', 'https://evil.example')).toBe(false);
  });

  it('answers IPC calls from the app frame and rejects a foreign sender frame', async () => {
    const handle = fake.ipcHandlers.get(INVOKE_CHANNEL)!;
    expect(fake.ipcHandlers.size).toBe(1);
    const fromApp = { senderFrame: { url: `${APP_ORIGIN}/index.html` } };
    const fromElsewhere = { senderFrame: { url: 'https://evil.example/' } };

    const added = (await handle(fromApp, 'leads.add', { name: 'A', phone: '0912345678' })) as {
      ok: boolean;
    };
    expect(added.ok).toBe(true);
    expect(
      await handle(fromElsewhere, 'leads.add', { name: 'B', phone: '0987654321' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await handle({ senderFrame: null }, 'leads.list', { stage: 'new' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await handle(fromApp, 'no.such.method', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    const list = (await handle(fromApp, 'leads.list', { stage: 'new' })) as {
      value: { items: unknown[] };
    };
    expect(list.value.items).toHaveLength(1);
  });

  it('pushes core events to the window and keeps the database in userData', async () => {
    const handle = fake.ipcHandlers.get(INVOKE_CHANNEL)!;
    await handle({ senderFrame: { url: `${APP_ORIGIN}/` } }, 'settings.update', { language: 'en' });
    expect(win.webContents.sent).toContainEqual([
      EVENT_CHANNEL,
      'settings.changed',
      expect.objectContaining({ language: 'en' }),
    ]);
    expect(existsSync(join(dir.path, 'leadphone.db'))).toBe(true);
  });

  it('forwards a resume from sleep to the window, so the phone re-registers', () => {
    for (const l of fake.appListeners.get('power:resume') ?? []) l();
    expect(win.webContents.sent).toContainEqual([EVENT_CHANNEL, 'power.resume', {}]);
  });

  it('serves the renderer with the CSP and refuses paths outside it', async () => {
    const serve = fake.protocolHandlers.get('app')!;
    const outside = await serve(new Request('app://leadphone/../../package.json'));
    expect(outside.status).toBe(404);
    const foreignHost = await serve(new Request('app://elsewhere/index.html'));
    expect(foreignHost.status).toBe(404);
  });
});
