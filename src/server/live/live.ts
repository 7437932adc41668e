import pg from 'pg';
import type { WebSocket } from 'ws';
import { roleAllows, type Role } from '../../shared/roles';
import type { Nudge } from '../../shared/team/protocol';

export const CHANGES_CHANNEL = 'leadphone_changes';

interface Listener {
  deviceId: string;
  agentId: string;
  role: Role;
  socket: WebSocket;
  alive: boolean;
}

/** What a write announces (db/syncRows.ts notifyChanges): whose data changed, or a revocation. */
interface Announcement {
  agents?: string[];
  all?: boolean;
  revokedDevice?: string;
}

export interface Live {
  /** Keeps a device's socket until it closes; it gets a nudge whenever its data changes. */
  attach(socket: WebSocket, who: { deviceId: string; agentId: string; role: Role }): void;
  /** LISTENs on PostgreSQL; every server process does, so a write anywhere reaches every socket. */
  start(): Promise<void>;
  close(): Promise<void>;
  connectionCount(): number;
}

const PING_EVERY_MS = 20_000;

/**
 * Nudges over WebSockets, fanned out through PostgreSQL's LISTEN/NOTIFY. A nudge carries no
 * data: the app pulls what changed, so a lost nudge costs only latency (the app also polls).
 * After the listening connection drops (PostgreSQL restarted), it reconnects with backoff and
 * nudges everyone, since announcements made meanwhile were lost.
 */
export function createLive(url: string, onError: (err: unknown) => void = () => undefined): Live {
  const listeners = new Set<Listener>();
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let delay = 250;

  const nudge: Nudge = { type: 'nudge' };
  const frame = JSON.stringify(nudge);
  const send = (l: Listener) => {
    if (l.socket.readyState === l.socket.OPEN) l.socket.send(frame);
  };

  function announce(a: Announcement) {
    const agents = new Set(a.agents ?? []);
    for (const l of listeners) {
      if (a.revokedDevice !== undefined) {
        if (l.deviceId === a.revokedDevice) l.socket.close(4001, 'device revoked');
        continue;
      }
      if (a.all || roleAllows(l.role, 'supervisor') || agents.has(l.agentId)) send(l);
    }
  }

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url });
    c.on('error', (err) => {
      onError(err);
      reconnect(c);
    });
    c.on('end', () => reconnect(c));
    c.on('notification', (msg) => {
      try {
        announce(JSON.parse(msg.payload ?? '{}') as Announcement);
      } catch (err) {
        onError(err);
      }
    });
    await c.connect();
    await c.query(`LISTEN ${CHANGES_CHANNEL}`);
    client = c;
    delay = 250;
  }

  function reconnect(dead: pg.Client) {
    if (closed || client !== dead || retry) return;
    client = null;
    dead.end().catch(() => undefined);
    const attempt = () => {
      retry = null;
      connect()
        .then(() => announce({ all: true }))
        .catch((err: unknown) => {
          onError(err);
          delay = Math.min(delay * 2, 5000);
          retry = setTimeout(attempt, delay);
        });
    };
    retry = setTimeout(attempt, delay);
  }

  const pinger = setInterval(() => {
    for (const l of listeners) {
      if (!l.alive) {
        l.socket.terminate();
        continue;
      }
      l.alive = false;
      l.socket.ping();
    }
  }, PING_EVERY_MS);
  pinger.unref();

  return {
    attach(socket, who) {
      const l: Listener = { ...who, socket, alive: true };
      listeners.add(l);
      socket.on('pong', () => (l.alive = true));
      socket.on('close', () => listeners.delete(l));
      // A client's bad frame closes its socket; without a listener it would end the process.
      socket.on('error', () => socket.terminate());
      // Whatever a client sends is ignored: the socket only carries nudges.
      socket.on('message', () => undefined);
    },
    start: connect,
    async close() {
      closed = true;
      clearInterval(pinger);
      if (retry) clearTimeout(retry);
      for (const l of listeners) l.socket.terminate();
      listeners.clear();
      await client?.end().catch(() => undefined);
    },
    connectionCount: () => listeners.size,
  };
}
