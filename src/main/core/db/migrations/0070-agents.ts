import type { Migration } from './types';

/** The tables whose rows are an agent's work, in the order a bundle holds them. */
export const stampedTables = [
  'calls',
  'dispositions',
  'orders',
  'lead_notes',
  'customer_status_changes',
] as const;

/** Tables whose every insert and update goes to the change log ("my work since the last bundle"). */
export const loggedTables = [
  'leads',
  'calls',
  'dispositions',
  'orders',
  'order_items',
  'lead_notes',
  'customer_status_changes',
] as const;

/*
 * Agents and the change log.
 *
 * Stamping and logging are triggers, so every code path that writes these tables (saving a
 * disposition, the softphone's call records, an intake import, future ones) records the agent
 * and the change without each service having to remember. A row in `sync_paused` (only ever
 * inside the import transaction) turns both off: rows merged from a bundle are somebody else's
 * work and keep their own agent.
 *
 * `change_log` only says *which* row changed; a bundle carries the row as it is at export time.
 * AUTOINCREMENT keeps sequence numbers from ever being reused, so the watermark (the last
 * sequence exported) stays meaningful after the log is compacted.
 */
export const m0070Agents: Migration = {
  version: 70,
  name: 'agents',
  up(db) {
    db.exec(`
      CREATE TABLE agents (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        code TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX agents_code ON agents (code);

      -- This install's own agent: at most one row.
      CREATE TABLE agent_self (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        agent_id TEXT NOT NULL REFERENCES agents (id)
      ) STRICT;

      CREATE TABLE sync_paused (one INTEGER PRIMARY KEY CHECK (one = 1)) STRICT;

      CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL
      ) STRICT;

      -- Two agents who added the same number made two leads; a merge keeps one (the smaller id)
      -- and remembers the other's id here, so that lead's history finds its way to the kept one.
      CREATE TABLE lead_aliases (
        alias_id TEXT PRIMARY KEY,
        lead_id TEXT NOT NULL REFERENCES leads (id)
      ) STRICT;
      CREATE INDEX lead_aliases_lead ON lead_aliases (lead_id);

      -- Watermarks and other small numbers of the sync (e.g. the last exported sequence).
      CREATE TABLE sync_marks (
        key TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) STRICT;
    `);
    for (const t of stampedTables) {
      db.exec(`
        ALTER TABLE ${t} ADD COLUMN agent_id TEXT;
        CREATE INDEX ${t}_agent ON ${t} (agent_id);
        CREATE TRIGGER ${t}_stamp_agent AFTER INSERT ON ${t}
          WHEN NEW.agent_id IS NULL AND NOT EXISTS (SELECT 1 FROM sync_paused)
            AND EXISTS (SELECT 1 FROM agent_self) BEGIN
          UPDATE ${t} SET agent_id = (SELECT agent_id FROM agent_self) WHERE rowid = NEW.rowid;
        END;
      `);
    }
    for (const t of loggedTables) {
      db.exec(`
        CREATE TRIGGER ${t}_log_insert AFTER INSERT ON ${t}
          WHEN NOT EXISTS (SELECT 1 FROM sync_paused) BEGIN
          INSERT INTO change_log (tbl, row_id) VALUES ('${t}', NEW.id);
        END;
        CREATE TRIGGER ${t}_log_update AFTER UPDATE ON ${t}
          WHEN NOT EXISTS (SELECT 1 FROM sync_paused) BEGIN
          INSERT INTO change_log (tbl, row_id) VALUES ('${t}', NEW.id);
        END;
      `);
    }
  },
};
