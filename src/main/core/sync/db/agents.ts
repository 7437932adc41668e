import type { Agent } from '../../../../shared/api/sync';
import { stampedTables } from '../../db/migrations/0070-agents';
import type { Db } from '../../db/open';
import { writeTx } from '../../db/writeTx';

/**
 * This desk's agent as an SQL expression, for the INSERTs of an agent's work (calls,
 * dispositions, orders, notes, status changes). Writing it in the INSERT spares the stamp
 * trigger's second write (and its second change-log row); NULL until the agent is set, and the
 * trigger still covers any INSERT that leaves it out.
 */
export const THIS_AGENT = '(SELECT agent_id FROM agent_self)';

export function selfAgent(db: Db): Agent | null {
  return (
    (db
      .prepare(
        'SELECT a.id, a.name, a.code FROM agent_self s JOIN agents a ON a.id = s.agent_id WHERE s.one = 1',
      )
      .get() as Agent | undefined) ?? null
  );
}

export function listAgents(db: Db): Agent[] {
  return db.prepare('SELECT id, name, code FROM agents ORDER BY code, name, id').all() as Agent[];
}

/**
 * Sets this install's agent. The first time, rows made here before there was a profile become
 * this agent's (they were made on this computer, by whoever uses it).
 */
export function saveSelfAgent(
  db: Db,
  a: { newId: string; name: string; code: string; now: number },
): Agent {
  return writeTx(db, () => {
    const current = selfAgent(db);
    if (current) {
      db.prepare('UPDATE agents SET name = ?, code = ?, updated_at = ? WHERE id = ?').run(
        a.name,
        a.code,
        a.now,
        current.id,
      );
      return { id: current.id, name: a.name, code: a.code };
    }
    db.prepare(
      'INSERT INTO agents (id, name, code, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    ).run(a.newId, a.name, a.code, a.now, a.now);
    db.prepare('INSERT INTO agent_self (one, agent_id) VALUES (1, ?)').run(a.newId);
    for (const t of stampedTables) {
      db.prepare(`UPDATE ${t} SET agent_id = ? WHERE agent_id IS NULL`).run(a.newId);
    }
    return { id: a.newId, name: a.name, code: a.code };
  });
}
