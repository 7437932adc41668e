import type { AddressInfo } from 'node:net';
import { bootstrapCode } from './access/enrol';
import { migrateServer } from './db/migrate';
import { createPool } from './db/pool';
import { seedBuiltinStatuses } from './db/statuses';
import { buildApp } from './http/app';
import { createLive } from './live/live';
import type { TeamTransport } from '../shared/team/client';

export interface TeamServerOptions {
  databaseUrl: string;
  /** 127.0.0.1 unless TLS is on. */
  host?: string;
  port?: number;
  https?: { key: Buffer; cert: Buffer };
  teamName?: string;
  now?: () => number;
  logError?: (message: string, err: unknown) => void;
  /** Connections in the pool (each server process). */
  poolSize?: number;
}

export interface TeamServer {
  url: string;
  port: number;
  /** The first admin's one-time code, when the team has no admin yet. */
  bootstrap: { shown: string; expiresAt: number } | null;
  /** Requests into this process's routes without the network (fastify's inject): for tests. */
  transport: TeamTransport;
  close(): Promise<void>;
}

/**
 * One LeadPhone server process: the schema brought up to date, the built-in catalogue, the
 * LISTEN connection, the HTTP routes. Stateless beyond its sockets: any number of them can
 * serve one database.
 */
export async function startTeamServer(o: TeamServerOptions): Promise<TeamServer> {
  const now = o.now ?? Date.now;
  const logError = o.logError ?? (() => undefined);
  const db = createPool(o.databaseUrl, o.poolSize ?? 10);
  try {
    await migrateServer(db);
    await seedBuiltinStatuses(db);
    const bootstrap = await bootstrapCode(db, now(), o.teamName ?? 'LeadPhone');
    const live = createLive(o.databaseUrl, (err) => logError('live connection', err));
    await live.start();
    const app = await buildApp({ db, live, now, logError }, o.https ? { https: o.https } : {});
    const host = o.host ?? '127.0.0.1';
    await app.listen({ host, port: o.port ?? 0 });
    const port = (app.server.address() as AddressInfo).port;
    const scheme = o.https ? 'https' : 'http';
    const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    return {
      url: `${scheme}://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
      port,
      bootstrap,
      transport: {
        async request(method, path, body, token) {
          const res = await app.inject({
            method,
            url: path,
            headers: token ? { authorization: `Bearer ${token}` } : {},
            ...(body === undefined ? {} : { payload: body as object }),
          });
          return { status: res.statusCode, body: res.body === '' ? null : (res.json() as unknown) };
        },
      },
      async close() {
        await live.close();
        await app.close();
        await db.end();
      },
    };
  } catch (err) {
    await db.end().catch(() => undefined);
    throw err;
  }
}
