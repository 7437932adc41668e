import type { Stage } from '../../shared/domain';
import type { AssignRequest, DeviceView, TeamAgent } from '../../shared/team/protocol';

/** The assignment form as typed: strings and choices, before they become a request. */
export interface AssignDraft {
  /** Who gets them: one agent, or several for round-robin (in the order of the list). */
  to: string[];
  /** '' the pool (leads nobody has), '*' any lead of the team, else an agent's id (a move). */
  from: string;
  stage: Stage | '';
  source: string;
  /** '*' any, '' leads with no customer status, else that status's code. */
  customerStatus: string;
  limit: string;
}

export const emptyAssignDraft: AssignDraft = {
  to: [],
  from: '',
  stage: '',
  source: '',
  customerStatus: '*',
  limit: '100',
};

export const MAX_ASSIGN = 100_000;

/**
 * The request the form means, or why it cannot be sent yet. Moving leads to the agent who
 * already has them is no move: that agent is left out of the receivers.
 */
export function assignRequestOf(
  draft: AssignDraft,
): { ok: true; request: AssignRequest } | { ok: false; key: 'pickAgent' | 'limit' } {
  const fromAgent = draft.from !== '' && draft.from !== '*' ? draft.from : null;
  const to = draft.to.filter((id) => id !== fromAgent);
  if (to.length === 0) return { ok: false, key: 'pickAgent' };
  const limit = Number(draft.limit.trim());
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ASSIGN)
    return { ok: false, key: 'limit' };
  const source = draft.source.trim();
  return {
    ok: true,
    request: {
      pick: {
        stage: draft.stage === '' ? null : draft.stage,
        source: source === '' ? null : source,
        customerStatus: draft.customerStatus === '*' ? null : draft.customerStatus,
        unassignedOnly: draft.from === '',
        fromAgentId: fromAgent,
        limit,
      },
      toAgentIds: to,
    },
  };
}

/** Per person: how many devices are in use, and when one was last seen. */
export function devicesByAgent(
  devices: readonly DeviceView[],
): Map<string, { active: number; lastSeenAt: number | null }> {
  const out = new Map<string, { active: number; lastSeenAt: number | null }>();
  for (const d of devices) {
    const entry = out.get(d.agentId) ?? { active: 0, lastSeenAt: null };
    if (d.revokedAt === null) entry.active += 1;
    if (d.lastSeenAt !== null && (entry.lastSeenAt === null || d.lastSeenAt > entry.lastSeenAt)) {
      entry.lastSeenAt = d.lastSeenAt;
    }
    out.set(d.agentId, entry);
  }
  return out;
}

/** "Name (CODE)" for an agent id, or the id itself when the list does not have it. */
export function agentLabel(agents: readonly TeamAgent[], id: string): string {
  const a = agents.find((x) => x.id === id);
  return a ? `${a.name} (${a.code})` : id;
}
