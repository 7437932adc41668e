import { searchValues } from './0040-intake';
import type { Migration } from './types';

/*
 * Fewer pages written per disposition save (the bench's `dispositions.save.p99_ms`). A commit
 * costs about one WAL frame per page it changed, and a save changed 30–50 of them.
 *
 * - The queue's three orders each had an index over every lead, keyed by (stage, next_action, …):
 *   a save moved the lead in all three. Each order is used for one next action only
 *   (leads/db/leads.ts `segments`), so each index now holds only those leads: a lead sits in
 *   exactly one of them, and a save moves it out of one and into another, or within one.
 * - The search index was rewritten whenever a save wrote the name or the note, even unchanged
 *   (a convert sends the whole customer form): now only when a searched column changed.
 * - The per-table `agent_id` indexes (migration 0070) cost a page on every insert and served no
 *   query: reports and exports read a time range and group or filter by agent within it.
 * - `reminders_due_at` (0080) duplicated `reminders_due (state, due_at)`: a report over a period
 *   now names the three states, which reads three ranges of that index.
 */
export const m0100LeanSaves: Migration = {
  version: 100,
  name: 'lean saves',
  up(db) {
    db.exec(`
      DROP INDEX leads_queue_callback;
      DROP INDEX leads_queue_received;
      DROP INDEX leads_queue_updated;
      CREATE INDEX leads_queue_callback ON leads (stage, next_action_at, id)
        WHERE next_action = 'callback';
      CREATE INDEX leads_queue_call_now ON leads (stage, received_at, id)
        WHERE next_action = 'call_now';
      CREATE INDEX leads_queue_no_action ON leads (stage, updated_at, id)
        WHERE next_action = 'none';

      DROP INDEX calls_agent;
      DROP INDEX dispositions_agent;
      DROP INDEX orders_agent;
      DROP INDEX lead_notes_agent;
      DROP INDEX customer_status_changes_agent;
      DROP INDEX reminders_due_at;

      DROP TRIGGER leads_search_update;
      CREATE TRIGGER leads_search_update
        AFTER UPDATE OF name, phone_e164, phone_as_given, phone2_e164, note ON leads
        WHEN NOT EXISTS (SELECT 1 FROM lead_search_paused)
          AND (OLD.name IS NOT NEW.name OR OLD.phone_e164 IS NOT NEW.phone_e164
            OR OLD.phone_as_given IS NOT NEW.phone_as_given
            OR OLD.phone2_e164 IS NOT NEW.phone2_e164 OR OLD.note IS NOT NEW.note) BEGIN
        DELETE FROM lead_search WHERE rowid = OLD.rowid;
        INSERT INTO lead_search (rowid, name, phone, note) VALUES (${searchValues('NEW')});
      END;
    `);
  },
};
