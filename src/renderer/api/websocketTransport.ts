import type { InvokeResult, Transport } from '../../shared/api';

interface Pending {
  resolve(result: InvokeResult): void;
}

const RECONNECT_MAX_MS = 10_000;

/**
 * Talks to the browser host over one WebSocket. Calls made while it (re)connects wait; calls in
 * flight when it drops fail with `transport_closed` rather than hanging.
 */
export function createWebSocketTransport(url: string): Transport & { close(): void } {
  let socket: WebSocket | undefined;
  let opened: Promise<WebSocket> | undefined;
  let nextId = 1;
  let closedByUs = false;
  let attempt = 0;
  let everOpened = false;
  const pending = new Map<number, Pending>();
  const listeners = new Set<(event: string, payload: unknown) => void>();

  function connect(): Promise<WebSocket> {
    opened ??= new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      socket = ws;
      ws.onopen = () => {
        attempt = 0;
        resolve(ws);
        // Events sent while the connection was down reached no one: the window reloads.
        if (everOpened) for (const l of listeners) l('connection.restored', {});
        everOpened = true;
      };
      ws.onmessage = (e) => onFrame(String(e.data));
      ws.onclose = () => {
        opened = undefined;
        for (const [id, p] of pending) {
          pending.delete(id);
          p.resolve({
            ok: false,
            error: { code: 'transport_closed', message: 'The connection to LeadPhone closed.' },
          });
        }
        reject(new Error('closed'));
        if (!closedByUs) scheduleReconnect();
      };
    });
    return opened;
  }

  function scheduleReconnect() {
    attempt += 1;
    const delay = Math.min(RECONNECT_MAX_MS, 250 * 2 ** attempt) * (0.5 + Math.random() / 2);
    setTimeout(() => {
      if (!closedByUs) connect().catch(() => undefined);
    }, delay);
  }

  function onFrame(text: string) {
    let frame: { id?: number; result?: InvokeResult; event?: string; payload?: unknown };
    try {
      frame = JSON.parse(text) as typeof frame;
    } catch {
      return;
    }
    if (typeof frame.event === 'string') {
      for (const l of listeners) l(frame.event, frame.payload);
      return;
    }
    if (typeof frame.id === 'number' && frame.result) {
      pending.get(frame.id)?.resolve(frame.result);
      pending.delete(frame.id);
    }
  }

  return {
    async invoke(method, input) {
      let ws: WebSocket;
      try {
        ws = await connect();
      } catch {
        return {
          ok: false,
          error: { code: 'transport_closed', message: 'Cannot reach LeadPhone.' },
        };
      }
      const id = nextId++;
      return new Promise<InvokeResult>((resolve) => {
        pending.set(id, { resolve });
        ws.send(JSON.stringify({ id, method, input }));
      });
    },
    on(listener) {
      listeners.add(listener);
      void connect().catch(() => undefined);
      return () => listeners.delete(listener);
    },
    close() {
      closedByUs = true;
      socket?.close();
    },
  };
}
