import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../shared/roles';
import type { ServerError } from '../../shared/team/protocol';
import { accessRoutes } from '../access/routes';
import { assignmentRoutes } from '../assignment/routes';
import type { Db } from '../db/pool';
import type { Live } from '../live/live';
import { liveRoutes } from '../live/routes';
import { syncRoutes } from '../sync/routes';
import { HttpError } from './httpError';

export interface ServerDeps {
  db: Db;
  live: Live;
  now: () => number;
  /** Where unexpected failures are reported (never with a request body or a token). */
  logError: (message: string, err: unknown) => void;
}

export interface AppOptions {
  https?: { key: Buffer; cert: Buffer };
}

/** Who is calling, as the server decided it from the device token on this request. */
export interface Caller {
  deviceId: string;
  agentId: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

// A push of 500 records with notes at their longest is ~2.5 MB; anything far beyond is refused
// before it is parsed.
export const BODY_LIMIT = 8 * 1024 * 1024;

/** Parses a body or query with a contract schema; a mismatch names the fields, never the values. */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const where = r.error.issues.map((i) => i.path.join('.') || '(body)').slice(0, 10);
    throw new HttpError(
      'invalid_input',
      'The request does not match the contract.',
      where.join(', '),
    );
  }
  return r.data;
}

export async function buildApp(
  deps: ServerDeps,
  options: AppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    // On close, keep-alive connections are closed too: the apps reconnect to another process.
    forceCloseConnections: true,
    ...(options.https ? { https: options.https } : {}),
  });
  app.decorateRequest('caller', null);
  await app.register(websocket, { options: { maxPayload: 4096 } });

  app.setErrorHandler((err, _req, reply) => {
    const body = (code: ServerError['error']['code'], message: string, detail?: string) => ({
      error: detail === undefined ? { code, message } : { code, message, detail },
    });
    if (err instanceof HttpError) {
      return reply.status(err.status).send(body(err.code, err.message, err.detail));
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413)
      return reply.status(413).send(body('too_large', 'The request is too large.'));
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.status(400).send(body('invalid_input', 'The request could not be read.'));
    }
    if (isDatabaseDown(err)) {
      return reply
        .status(503)
        .send(body('unavailable', 'The team database cannot be reached; try again.'));
    }
    deps.logError('request failed', err);
    return reply.status(500).send(body('internal', 'Something went wrong on the team server.'));
  });
  app.setNotFoundHandler((_req, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: 'No such route.' } }),
  );

  await app.register(async (scope) => {
    accessRoutes(scope, deps);
    syncRoutes(scope, deps);
    assignmentRoutes(scope, deps);
    liveRoutes(scope, deps);
  });
  return app;
}

function isDatabaseDown(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  // Connection refused or reset, PostgreSQL shutting down or starting (57P01, 57P03), or the
  // pool's connection attempt timing out.
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001'].includes(
      code,
    ) || /Connection terminated|connection timeout/i.test((err as Error).message ?? '')
  );
}

export type RequestWithCaller = FastifyRequest & { caller: Caller };
