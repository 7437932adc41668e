import type { AssignRequest, AssignResponse } from '../../shared/team/protocol';
import { activeAgentIds } from '../db/agents';
import { moveLeads, pickLeads } from '../db/assignments';
import { inWriteTx, type Db } from '../db/pool';
import { notifyChanges } from '../db/syncRows';
import { HttpError } from '../http/httpError';

/**
 * A supervisor hands leads to one agent or round-robin over several, or moves an absent
 * agent's leads to others. Each lead keeps its history and its callback (the lead's next
 * action); the apps of the agents it left and reached learn it at their next pull.
 */
export async function assignLeads(
  db: Db,
  by: { agentId: string },
  req: AssignRequest,
  now: number,
): Promise<AssignResponse> {
  return inWriteTx(db, async (tx) => {
    const targets = [...new Set(req.toAgentIds)];
    const active = new Set(await activeAgentIds(tx, targets));
    const unknown = targets.filter((id) => !active.has(id));
    if (unknown.length > 0) {
      throw new HttpError(
        'invalid_input',
        'Leads can only go to active agents of the team.',
        unknown.join(', '),
      );
    }
    const picked = await pickLeads(tx, req.pick);
    const perAgent: Record<string, number> = Object.fromEntries(targets.map((id) => [id, 0]));
    const moves = [];
    for (const [i, lead] of picked.entries()) {
      const to = targets[i % targets.length]!;
      if (lead.owner === to) continue;
      moves.push({ id: lead.id, from: lead.owner, to });
      perAgent[to]!++;
    }
    await moveLeads(tx, moves, by.agentId, now);
    if (moves.length > 0) {
      const agents = new Set<string>();
      for (const m of moves) {
        agents.add(m.to);
        if (m.from) agents.add(m.from);
      }
      await notifyChanges(tx, { agents: [...agents] });
    }
    return { assigned: moves.length, perAgent };
  });
}
