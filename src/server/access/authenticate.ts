import type { FastifyRequest } from 'fastify';
import { roleAllows, type Role } from '../../shared/roles';
import { deviceByTokenHash, touchDevice } from '../db/devices';
import type { Caller, ServerDeps } from '../http/app';
import { HttpError } from '../http/httpError';
import { hashSecret } from './tokens';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

/**
 * Decides who calls, on every request, from the device token alone: a revoked device or a
 * disabled person is refused at once, and the role is the one the server holds now.
 */
export async function authenticate(
  deps: ServerDeps,
  req: FastifyRequest,
  need: Role,
): Promise<Caller> {
  const match = BEARER.exec(req.headers.authorization ?? '');
  if (!match) throw new HttpError('unauthorized', 'This device is not enrolled in the team.');
  const device = await deviceByTokenHash(deps.db, hashSecret(match[1]!));
  if (!device) throw new HttpError('unauthorized', 'This device is not enrolled in the team.');
  if (device.revoked || !device.agentActive) {
    throw new HttpError('device_revoked', 'This device has been removed from the team.');
  }
  if (!roleAllows(device.role, need)) {
    throw new HttpError('forbidden', `This needs a ${need}.`);
  }
  await touchDevice(deps.db, device.deviceId, deps.now());
  const caller = { deviceId: device.deviceId, agentId: device.agentId, role: device.role };
  req.caller = caller;
  return caller;
}
