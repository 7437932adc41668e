import type { FastifyInstance } from 'fastify';
import { AssignRequest, routes } from '../../shared/team/protocol';
import { authenticate } from '../access/authenticate';
import { parse, type ServerDeps } from '../http/app';
import { assignLeads } from './assign';

export function assignmentRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.post(routes.assign, async (req) => {
    const caller = await authenticate(deps, req, 'supervisor');
    return assignLeads(deps.db, caller, parse(AssignRequest, req.body), deps.now());
  });
}
