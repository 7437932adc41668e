import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Role } from '../../shared/roles';
import { EnrolRequest, IssueCodeRequest, routes } from '../../shared/team/protocol';
import { agentById, listAgents, updateAgent } from '../db/agents';
import { listDevices, revokeDevice } from '../db/devices';
import { notifyChanges } from '../db/syncRows';
import { inWriteTx } from '../db/pool';
import { parse, type ServerDeps } from '../http/app';
import { HttpError } from '../http/httpError';
import { authenticate } from './authenticate';
import { enrol, issueCode } from './enrol';

const UpdateAgent = z
  .object({ id: z.string().min(1).max(64), role: Role, active: z.boolean() })
  .strict();
const RevokeDevice = z.object({ deviceId: z.string().uuid() }).strict();

export function accessRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get(routes.health, async () => {
    await deps.db.query('SELECT 1');
    return { ok: true, protocol: 1 };
  });

  app.post(routes.enrol, async (req) => enrol(deps.db, parse(EnrolRequest, req.body), deps.now()));

  app.get(routes.me, async (req) => {
    const caller = await authenticate(deps, req, 'agent');
    return { deviceId: caller.deviceId, agent: await agentById(deps.db, caller.agentId) };
  });

  app.post(routes.issueCode, async (req) => {
    const caller = await authenticate(deps, req, 'supervisor');
    return issueCode(deps.db, caller, parse(IssueCodeRequest, req.body), deps.now());
  });

  app.get(routes.agents, async (req) => {
    await authenticate(deps, req, 'supervisor');
    return { agents: await listAgents(deps.db) };
  });

  app.post(routes.agents, async (req) => {
    const caller = await authenticate(deps, req, 'admin');
    const body = parse(UpdateAgent, req.body);
    const agent = await agentById(deps.db, body.id);
    if (!agent) throw new HttpError('not_found', 'No such person in the team.');
    if (body.id === caller.agentId && (body.role !== 'admin' || !body.active)) {
      throw new HttpError('forbidden', 'An admin cannot demote or disable themselves.');
    }
    await inWriteTx(deps.db, async (tx) => {
      await updateAgent(
        tx,
        body.id,
        { name: agent.name, role: body.role, active: body.active },
        deps.now(),
      );
      await notifyChanges(tx, { all: true });
    });
    return { agent: await agentById(deps.db, body.id) };
  });

  app.get(routes.devices, async (req) => {
    await authenticate(deps, req, 'admin');
    return { devices: await listDevices(deps.db) };
  });

  app.post(routes.revokeDevice, async (req) => {
    await authenticate(deps, req, 'admin');
    const { deviceId } = parse(RevokeDevice, req.body);
    if (!(await revokeDevice(deps.db, deviceId, deps.now()))) {
      throw new HttpError('not_found', 'No such device, or it was removed already.');
    }
    await notifyChanges(deps.db, { revokedDevice: deviceId });
    return { revoked: true };
  });
}
