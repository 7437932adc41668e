// A thin stand-in for the `electron` module (its binary cannot run here). It records what the
// shell asks of Electron so tests can check it; it implements no behaviour of its own.
type Listener = (...args: unknown[]) => void;

export class FakeWebContents {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly sent: unknown[][] = [];
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  getURL() {
    return 'app://leadphone/index.html';
  }
  /** Fires a navigation event and tells whether the shell prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    for (const l of this.listeners.get(event) ?? [])
      l({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

export class FakeNotification {
  static shown: FakeNotification[] = [];
  static isSupported() {
    return true;
  }
  readonly listeners = new Map<string, Listener>();
  constructor(readonly options: { title: string; body: string }) {}
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
  }
  show() {
    FakeNotification.shown.push(this);
  }
}

export class FakeBrowserWindow {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  constructor(
    readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>,
  ) {
    FakeBrowserWindow.created.push(this);
  }
  once() {
    return this;
  }
  on() {
    return this;
  }
  show() {}
  focus() {}
  isMinimized() {
    return false;
  }
  async loadURL(url: string) {
    this.loadedUrl = url;
  }
}

type PermissionHandler = (
  wc: unknown,
  permission: string,
  callback: (allowed: boolean) => void,
  details: Record<string, unknown>,
) => void;

export const fakeSession = {
  permissionRequestHandler: undefined as PermissionHandler | undefined,
  permissionCheckHandler: undefined as
    ((wc: unknown, permission: string, origin: string) => boolean) | undefined,
  setPermissionRequestHandler(h: PermissionHandler) {
    this.permissionRequestHandler = h;
  },
  setPermissionCheckHandler(h: (wc: unknown, permission: string, origin: string) => boolean) {
    this.permissionCheckHandler = h;
  },
};

export function createFakeElectron(userData: string) {
  const ipcHandlers = new Map<string, (...args: unknown[]) => unknown>();
  const appListeners = new Map<string, Listener[]>();
  const protocolHandlers = new Map<string, (req: Request) => Promise<Response>>();
  const privilegedSchemes: unknown[] = [];
  return {
    ipcHandlers,
    appListeners,
    protocolHandlers,
    privilegedSchemes,
    module: {
      app: {
        whenReady: () => Promise.resolve(),
        getPath: (name: string) => (name === 'userData' ? userData : '/nonexistent'),
        requestSingleInstanceLock: () => true,
        quit() {},
        exit() {},
        on(event: string, listener: Listener) {
          appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
        },
      },
      BrowserWindow: FakeBrowserWindow,
      session: { defaultSession: fakeSession },
      ipcMain: {
        handle(channel: string, handler: (...args: unknown[]) => unknown) {
          ipcHandlers.set(channel, handler);
        },
      },
      protocol: {
        registerSchemesAsPrivileged(schemes: unknown[]) {
          privilegedSchemes.push(...schemes);
        },
        handle(scheme: string, handler: (req: Request) => Promise<Response>) {
          protocolHandlers.set(scheme, handler);
        },
      },
      dialog: { showErrorBox() {} },
      Notification: FakeNotification,
      powerMonitor: {
        on(event: string, listener: Listener) {
          appListeners.set(`power:${event}`, [
            ...(appListeners.get(`power:${event}`) ?? []),
            listener,
          ]);
        },
      },
      // No OS keychain here: the shell falls back to the 0600 key file.
      safeStorage: {
        isEncryptionAvailable: () => false,
        getSelectedStorageBackend: () => 'basic_text',
        encryptString: () => {
          throw new Error('not available');
        },
        decryptString: () => {
          throw new Error('not available');
        },
      },
    },
  };
}
