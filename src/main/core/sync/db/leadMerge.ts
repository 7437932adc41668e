import { leadHistoryTables } from '../../../../shared/sync/tables';
import type { Db } from '../../db/open';

/*
 * Leads as a merge meets them: an id that became an alias of another lead, the same person
 * made by two agents, the callback an assignment brings.
 */

export function resolveLeadId(db: Db, id: string): string {
  return (
    (db.prepare('SELECT lead_id FROM lead_aliases WHERE alias_id = ?').pluck().get(id) as
      string | undefined) ?? id
  );
}

export function leadRowid(db: Db, id: string): number | undefined {
  return db.prepare('SELECT rowid FROM leads WHERE id = ?').pluck().get(id) as number | undefined;
}

export function leadIdByPhone(db: Db, e164: string): string | undefined {
  return db.prepare('SELECT id FROM leads WHERE phone_e164 = ?').pluck().get(e164) as
    string | undefined;
}

/**
 * Two leads turned out to be one person (same number, made by two agents): `winner` takes over
 * `loser`'s history and name, and `loser`'s id becomes an alias of it. The caller has already
 * written `winner` (with the merged content) after freeing the number with `releasePhone`.
 */
export function foldLeadInto(db: Db, loser: string, winner: string, now: number): void {
  // A lead has one pending callback at most; the kept lead's own one stays.
  db.prepare(
    `UPDATE reminders SET state = 'cancelled', updated_at = ?
     WHERE lead_id = ? AND state = 'pending' AND EXISTS (
       SELECT 1 FROM reminders r WHERE r.lead_id = ? AND r.state = 'pending')`,
  ).run(now, loser, winner);
  // Its history, and its callbacks (which stay on each install).
  for (const t of [...leadHistoryTables, 'reminders']) {
    db.prepare(`UPDATE ${t} SET lead_id = ? WHERE lead_id = ?`).run(winner, loser);
  }
  db.prepare('UPDATE lead_aliases SET lead_id = ? WHERE lead_id = ?').run(winner, loser);
  aliasLead(db, loser, winner);
  db.prepare('DELETE FROM leads WHERE id = ?').run(loser);
}

export function aliasLead(db: Db, alias: string, leadId: string): void {
  db.prepare('INSERT OR REPLACE INTO lead_aliases (alias_id, lead_id) VALUES (?, ?)').run(
    alias,
    leadId,
  );
}

export function releasePhone(db: Db, leadId: string): void {
  db.prepare('UPDATE leads SET phone_e164 = NULL WHERE id = ?').run(leadId);
}

/** After an assignment: the agent's scheduler should know each lead's callback. */
export function leadCallback(
  db: Db,
  id: string,
): { nextAction: string; nextActionAt: number | null; pendingAt: number | null } | undefined {
  return db
    .prepare(
      `SELECT l.next_action AS nextAction, l.next_action_at AS nextActionAt,
         (SELECT due_at FROM reminders r WHERE r.lead_id = l.id AND r.state = 'pending') AS pendingAt
       FROM leads l WHERE l.id = ?`,
    )
    .get(id) as
    { nextAction: string; nextActionAt: number | null; pendingAt: number | null } | undefined;
}
