import type { Role } from '../../shared/roles';
import type { TeamAgent } from '../../shared/team/protocol';
import type { Db, Tx } from './pool';

type Q = Db | Tx;

interface AgentRow {
  id: string;
  name: string;
  code: string;
  role: Role;
  active: boolean;
}

const view = (r: AgentRow): TeamAgent => ({
  id: r.id,
  name: r.name,
  code: r.code,
  role: r.role,
  active: r.active,
});

export async function agentByCode(q: Q, code: string): Promise<TeamAgent | undefined> {
  const { rows } = await q.query<AgentRow>(
    'SELECT id, name, code, role, active FROM agents WHERE lower(code) = lower($1)',
    [code],
  );
  return rows[0] && view(rows[0]);
}

export async function agentById(q: Q, id: string): Promise<TeamAgent | undefined> {
  const { rows } = await q.query<AgentRow>(
    'SELECT id, name, code, role, active FROM agents WHERE id = $1',
    [id],
  );
  return rows[0] && view(rows[0]);
}

export async function insertAgent(
  q: Q,
  a: { id: string; name: string; code: string; role: Role },
  now: number,
): Promise<void> {
  await q.query(
    `INSERT INTO agents (id, name, code, role, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $5)`,
    [a.id, a.name, a.code, a.role, now],
  );
}

export async function updateAgent(
  q: Q,
  id: string,
  a: { name: string; role: Role; active: boolean },
  now: number,
): Promise<void> {
  await q.query(
    `UPDATE agents SET name = $2, role = $3, active = $4, updated_at = $5 WHERE id = $1
       AND (name, role, active) IS DISTINCT FROM ($2, $3, $4)`,
    [id, a.name, a.role, a.active, now],
  );
}

export async function listAgents(q: Q): Promise<TeamAgent[]> {
  const { rows } = await q.query<AgentRow>(
    'SELECT id, name, code, role, active FROM agents ORDER BY code',
  );
  return rows.map(view);
}

export async function activeAgentIds(q: Q, ids: string[]): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    'SELECT id FROM agents WHERE id = ANY($1) AND active',
    [ids],
  );
  return rows.map((r) => r.id);
}

export async function adminCount(q: Q): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM agents WHERE role = 'admin' AND active",
  );
  return rows[0]!.n;
}

export async function teamName(q: Q): Promise<string> {
  const { rows } = await q.query<{ name: string }>('SELECT name FROM team WHERE id = 1');
  return rows[0]?.name ?? 'LeadPhone';
}

export async function ensureTeam(q: Q, name: string, now: number): Promise<void> {
  await q.query(
    'INSERT INTO team (id, name, created_at) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING',
    [name, now],
  );
}
