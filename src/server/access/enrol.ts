import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/roles';
import type { EnrolRequest, EnrolResponse } from '../../shared/team/protocol';
import {
  adminCount,
  agentByCode,
  agentById,
  ensureTeam,
  insertAgent,
  teamName,
  updateAgent,
} from '../db/agents';
import { insertDevice } from '../db/devices';
import { expireBootstrapCodes, insertCode, lockCode, markCodeUsed } from '../db/enrolmentCodes';
import { inTx, type Db } from '../db/pool';
import { HttpError } from '../http/httpError';
import { hashSecret, newDeviceToken, newEnrolmentCode } from './tokens';

export const AGENT_CODE_TTL_MS = 24 * 60 * 60 * 1000;
export const BOOTSTRAP_CODE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * At a start with no admin yet (an empty database, or the first admin never enrolled): a new
 * one-time admin code, to print. Earlier unused ones stop working, since only the hash is kept.
 */
export async function bootstrapCode(
  db: Db,
  now: number,
  team: string,
): Promise<{ shown: string; expiresAt: number } | null> {
  return inTx(db, async (tx) => {
    await ensureTeam(tx, team, now);
    if ((await adminCount(tx)) > 0) return null;
    await expireBootstrapCodes(tx, now);
    const { code, shown } = newEnrolmentCode();
    const expiresAt = now + BOOTSTRAP_CODE_TTL_MS;
    await insertCode(
      tx,
      {
        hash: hashSecret(code),
        name: null,
        code: null,
        role: 'admin',
        bootstrap: true,
        createdBy: null,
        expiresAt,
      },
      now,
    );
    return { shown, expiresAt };
  });
}

/** A supervisor's (or admin's) one-time code for one person, bound to their name and code. */
export async function issueCode(
  db: Db,
  by: { agentId: string; role: Role },
  who: { name: string; code: string; role: Role },
  now: number,
): Promise<{ code: string; expiresAt: number }> {
  // A supervisor enrols agents; only an admin makes supervisors and admins.
  if (who.role !== 'agent' && by.role !== 'admin') {
    throw new HttpError('forbidden', 'Only an admin may enrol a supervisor or an admin.');
  }
  const existing = await agentByCode(db, who.code);
  if (existing && existing.role !== who.role && by.role !== 'admin') {
    throw new HttpError('forbidden', 'Only an admin may change a role.');
  }
  const { code, shown } = newEnrolmentCode();
  const expiresAt = now + AGENT_CODE_TTL_MS;
  await insertCode(
    db,
    {
      hash: hashSecret(code),
      name: who.name,
      code: who.code,
      role: who.role,
      bootstrap: false,
      createdBy: by.agentId,
      expiresAt,
    },
    now,
  );
  return { code: shown, expiresAt };
}

/**
 * A device joins the team with a one-time code. The person is the one the code names (the
 * first admin: the install's own agent); a person enrolled before keeps their id, a new one
 * takes the install's agent id, so the history the install brings keeps its author.
 */
export async function enrol(db: Db, req: EnrolRequest, now: number): Promise<EnrolResponse> {
  const hash = hashSecret(req.code);
  return inTx(db, async (tx) => {
    const stored = await lockCode(tx, hash);
    if (!stored || stored.usedAt !== null) {
      throw new HttpError('enrolment_code_invalid', 'This enrolment code is not valid.');
    }
    if (stored.expiresAt <= now) {
      throw new HttpError('enrolment_code_expired', 'This enrolment code has expired.');
    }
    const name = stored.name ?? req.agent.name;
    const code = stored.code ?? req.agent.code;
    let agent = await agentByCode(tx, code);
    if (!agent) {
      const idTaken = (await agentById(tx, req.agent.id)) !== undefined;
      const id = idTaken ? randomUUID() : req.agent.id;
      await insertAgent(tx, { id, name, code, role: stored.role }, now);
      agent = (await agentById(tx, id))!;
    } else if (agent.role !== stored.role || agent.name !== name) {
      await updateAgent(tx, agent.id, { name, role: stored.role, active: true }, now);
      agent = (await agentById(tx, agent.id))!;
    }
    const deviceId = randomUUID();
    const token = newDeviceToken();
    await insertDevice(
      tx,
      { id: deviceId, agentId: agent.id, name: req.device.name, tokenHash: hashSecret(token) },
      now,
    );
    await markCodeUsed(tx, hash, deviceId, now);
    return { deviceId, token, agent, teamName: await teamName(tx) };
  });
}
