import type { FastifyInstance } from 'fastify';
import { PullRequest, PushRequest, routes } from '../../shared/team/protocol';
import { authenticate } from '../access/authenticate';
import { parse, type ServerDeps } from '../http/app';
import { readPull } from './pull';
import { applyPush } from './push';

export function syncRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.post(routes.push, async (req) => {
    const caller = await authenticate(deps, req, 'agent');
    return applyPush(deps.db, caller, parse(PushRequest, req.body), deps.now());
  });

  app.post(routes.pull, async (req) => {
    const caller = await authenticate(deps, req, 'agent');
    return readPull(deps.db, caller, parse(PullRequest, req.body));
  });
}
