import type { FastifyInstance } from 'fastify';
import { routes } from '../../shared/team/protocol';
import { authenticate } from '../access/authenticate';
import type { ServerDeps } from '../http/app';

export function liveRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get(
    routes.live,
    {
      websocket: true,
      // Decided before the upgrade: a refused device never gets a socket.
      preValidation: async (req) => {
        await authenticate(deps, req, 'agent');
      },
    },
    (socket, req) => {
      deps.live.attach(socket, req.caller!);
    },
  );
}
