import { BrowserWindow, session } from 'electron';
import { APP_ORIGIN, isAppOrigin } from './ipc';

/** Microphone for calls and notifications for callbacks; nothing else, and only for our pages. */
const ALLOWED_PERMISSIONS = new Set(['media', 'notifications']);

export function permissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  mediaTypes?: string[],
) {
  if (!ALLOWED_PERMISSIONS.has(permission) || !isAppOrigin(requestingUrl)) return false;
  if (permission === 'media' && mediaTypes && mediaTypes.some((t) => t !== 'audio')) return false;
  return true;
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const mediaTypes =
      'mediaTypes' in details ? (details.mediaTypes as string[] | undefined) : undefined;
    callback(
      permissionAllowed(permission, details.requestingUrl ?? webContents.getURL(), mediaTypes),
    );
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin),
  );

  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'LeadPhone',
    show: false,
    // Electron's security checklist, written out where the window is made so that
    // Electronegativity (scripts/electronegativity.mjs) reads the real values, not a function call.
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // A middle click would otherwise ask for a new window (denied below anyway).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppOrigin(url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isAppOrigin(url)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
