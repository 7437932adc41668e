import type { Transport } from '../../shared/api';
import { createWebSocketTransport } from './websocketTransport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    leadphone?: Transport;
  }
}

/** Electron's preload bridge when it exists, otherwise the browser host's WebSocket. */
export function pickTransport(win: Window): Transport {
  if (win.leadphone) return win.leadphone;
  const token = new URLSearchParams(win.location.search).get('token') ?? '';
  const wsUrl = new URL('/ws', win.location.href);
  wsUrl.protocol = win.location.protocol === 'https:' ? 'wss:' : 'ws:';
  wsUrl.search = `?token=${encodeURIComponent(token)}`;
  return createWebSocketTransport(wsUrl.toString());
}
