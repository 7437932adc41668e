import type { LeadPick } from '../../shared/team/protocol';
import type { Tx } from './pool';

export interface PickedLead {
  id: string;
  owner: string | null;
}

/** The leads a supervisor picked, locked, in a stable order (oldest received first). */
export async function pickLeads(tx: Tx, pick: LeadPick): Promise<PickedLead[]> {
  if ('leadIds' in pick) {
    const { rows } = await tx.query<{ id: string; owner_agent_id: string | null }>(
      `SELECT id, owner_agent_id FROM leads WHERE id = ANY($1)
       ORDER BY received_at, id FOR UPDATE`,
      [pick.leadIds],
    );
    return rows.map((r) => ({ id: r.id, owner: r.owner_agent_id }));
  }
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (pick.stage !== null) add('stage = ?', pick.stage);
  if (pick.source !== null) add('source = ?', pick.source);
  if (pick.customerStatus !== null) {
    if (pick.customerStatus === '') where.push('customer_status IS NULL');
    else add('customer_status = ?', pick.customerStatus);
  }
  if (pick.unassignedOnly) where.push('owner_agent_id IS NULL');
  if (pick.fromAgentId !== null) add('owner_agent_id = ?', pick.fromAgentId);
  params.push(pick.limit);
  const { rows } = await tx.query<{ id: string; owner_agent_id: string | null }>(
    `SELECT id, owner_agent_id FROM leads ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY received_at, id LIMIT $${params.length} FOR UPDATE`,
    params,
  );
  return rows.map((r) => ({ id: r.id, owner: r.owner_agent_id }));
}

/** Gives each lead its new owner and records the move, in two statements for any number. */
export async function moveLeads(
  tx: Tx,
  moves: { id: string; from: string | null; to: string | null }[],
  by: string,
  now: number,
): Promise<void> {
  if (moves.length === 0) return;
  const ids = moves.map((m) => m.id);
  const to = moves.map((m) => m.to);
  await tx.query(
    `UPDATE leads l SET owner_agent_id = v.owner
     FROM unnest($1::text[], $2::text[]) AS v(id, owner) WHERE l.id = v.id`,
    [ids, to],
  );
  await tx.query(
    `INSERT INTO lead_moves (lead_id, from_agent_id, to_agent_id, by_agent_id, at)
     SELECT v.id, v.from_agent, v.to_agent, $4, $5
     FROM unnest($1::text[], $2::text[], $3::text[]) AS v(id, from_agent, to_agent)`,
    [ids, moves.map((m) => m.from), to, by, now],
  );
}
