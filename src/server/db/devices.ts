import type { Role } from '../../shared/roles';
import type { DeviceView } from '../../shared/team/protocol';
import type { Db, Tx } from './pool';

type Q = Db | Tx;

export interface DeviceAuth {
  deviceId: string;
  agentId: string;
  role: Role;
  revoked: boolean;
  agentActive: boolean;
}

export async function insertDevice(
  q: Q,
  d: { id: string; agentId: string; name: string; tokenHash: Buffer },
  now: number,
): Promise<void> {
  await q.query(
    `INSERT INTO devices (id, agent_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [d.id, d.agentId, d.name, d.tokenHash, now],
  );
}

/** Who a token belongs to, with the role as the server has it now. */
export async function deviceByTokenHash(q: Q, hash: Buffer): Promise<DeviceAuth | undefined> {
  const { rows } = await q.query<{
    id: string;
    agent_id: string;
    role: Role;
    revoked_at: number | null;
    active: boolean;
  }>(
    `SELECT d.id, d.agent_id, a.role, d.revoked_at, a.active FROM devices d
     JOIN agents a ON a.id = d.agent_id WHERE d.token_hash = $1`,
    [hash],
  );
  const r = rows[0];
  return (
    r && {
      deviceId: r.id,
      agentId: r.agent_id,
      role: r.role,
      revoked: r.revoked_at !== null,
      agentActive: r.active,
    }
  );
}

/** At most once a minute per device, so a busy device does not write on every request. */
export async function touchDevice(q: Q, id: string, now: number): Promise<void> {
  await q.query(
    `UPDATE devices SET last_seen_at = $2::bigint WHERE id = $1
       AND (last_seen_at IS NULL OR last_seen_at < $2::bigint - 60000)`,
    [id, now],
  );
}

export async function revokeDevice(q: Q, id: string, now: number): Promise<boolean> {
  const r = await q.query(
    'UPDATE devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL',
    [id, now],
  );
  return (r.rowCount ?? 0) > 0;
}

export async function listDevices(q: Q): Promise<DeviceView[]> {
  const { rows } = await q.query<{
    id: string;
    agent_id: string;
    name: string;
    created_at: number;
    last_seen_at: number | null;
    revoked_at: number | null;
  }>(
    'SELECT id, agent_id, name, created_at, last_seen_at, revoked_at FROM devices ORDER BY created_at',
  );
  return rows.map((r) => ({
    id: r.id,
    agentId: r.agent_id,
    name: r.name,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    revokedAt: r.revoked_at,
  }));
}
