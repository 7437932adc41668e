import { app, BrowserWindow, ipcMain, Notification, powerMonitor } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, SECRET_KEY_FILE, type Core } from '../core';
import { electronSecrets } from './safeStorageSecrets';
import { DB_FILE, resolveDataDir } from '../core/infra/dataDir';
import { consoleLog } from '../core/infra/log';
import { createFileLog, LOG_DIR } from '../core/infra/fileLog';
import { createInvokeHandler, createIpcSessions, EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow } from './window';

// The Electron shell: window, protocol, IPC. Everything the app does lives in ../core.
registerAppScheme();

if (!app.requestSingleInstanceLock()) app.quit();

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

async function start() {
  await app.whenReady();
  const dataDir = process.env.LEADPHONE_DATA_DIR
    ? resolveDataDir(undefined)
    : app.getPath('userData');
  // Sanitized (no secrets, numbers masked) rotating files, echoed to the console.
  const log = createFileLog({ dir: join(dataDir, LOG_DIR), echo: consoleLog });
  try {
    core = createCore({
      dbPath: join(dataDir, DB_FILE),
      log,
      secrets: electronSecrets(join(dataDir, SECRET_KEY_FILE)),
      notify: showNotification,
    });
  } catch (err) {
    const { dialog } = await import('electron');
    dialog.showErrorBox('LeadPhone', err instanceof Error ? err.message : String(err));
    app.exit(1);
    return;
  }
  serveRenderer(rendererDir());
  const sessions = createIpcSessions(core.openSession);
  // A sender Electron does not name is the main window (the app has no other).
  ipcMain.handle(
    INVOKE_CHANNEL,
    createInvokeHandler((event) => sessions.of(event.sender?.id ?? mainWindow?.webContents.id)),
  );
  mainWindow = createMainWindow(join(__dirname, '..', 'preload', 'preload.cjs'));
  sessions.attach(mainWindow.webContents);
  mainWindow.on('closed', () => (mainWindow = undefined));
  // The phone re-registers after sleep; the renderer cannot see the resume itself.
  powerMonitor.on('resume', () => mainWindow?.webContents.send(EVENT_CHANNEL, 'power.resume', {}));
  // A restore is applied when the core starts (core/backups/backups.ts): restart once the
  // window has had a moment to say so.
  core.onEvent((event) => {
    if (event !== 'backups.restoreScheduled') return;
    setTimeout(() => {
      app.relaunch();
      app.quit();
    }, 2000);
  });
}

/** A callback's OS notification; clicking it brings the app forward on that lead. */
function showNotification(n: { title: string; body: string; leadId: string }) {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title: n.title, body: n.body });
  notification.on('click', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
    mainWindow?.webContents.send(EVENT_CHANNEL, 'reminder.open', { leadId: n.leadId });
  });
  notification.show();
}

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => core?.close());

void start();

/**
 * The renderer's files: beside the bundle's folder once built (out/main → out/renderer); run
 * from source, as the shell's tests do, this file lies one folder deeper (src/main/electron).
 */
function rendererDir(): string {
  const built = join(__dirname, '..', 'renderer');
  return existsSync(built) ? built : join(__dirname, '..', '..', 'renderer');
}
