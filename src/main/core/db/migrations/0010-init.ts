import type { Migration } from './types';

export const m0010Init: Migration = {
  version: 10,
  name: 'init',
  up(db) {
    db.exec(`
      CREATE TABLE leads (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        phone_e164 TEXT,
        phone_as_given TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        stage TEXT NOT NULL CHECK (stage IN ('new', 'contact', 'order')),
        next_action TEXT NOT NULL CHECK (next_action IN ('call_now', 'callback', 'none')),
        next_action_at INTEGER,
        customer_status TEXT,
        received_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK ((next_action = 'callback') = (next_action_at IS NOT NULL))
      ) STRICT;

      -- Duplicates (same normalised number) are one lead.
      CREATE UNIQUE INDEX leads_phone ON leads (phone_e164) WHERE phone_e164 IS NOT NULL;

      -- The queue reads each of its segments as one index range (see db/leads.ts).
      CREATE INDEX leads_queue_callback ON leads (stage, next_action, next_action_at, id);
      CREATE INDEX leads_queue_received ON leads (stage, next_action, received_at, id);
      CREATE INDEX leads_queue_updated ON leads (stage, next_action, updated_at, id);

      -- Tab counts without counting a million rows on every page.
      CREATE TABLE stage_counts (
        stage TEXT PRIMARY KEY,
        n INTEGER NOT NULL
      ) STRICT;
      INSERT INTO stage_counts (stage, n) VALUES ('new', 0), ('contact', 0), ('order', 0);

      CREATE TRIGGER leads_count_insert AFTER INSERT ON leads BEGIN
        UPDATE stage_counts SET n = n + 1 WHERE stage = NEW.stage;
      END;
      CREATE TRIGGER leads_count_delete AFTER DELETE ON leads BEGIN
        UPDATE stage_counts SET n = n - 1 WHERE stage = OLD.stage;
      END;
      CREATE TRIGGER leads_count_move AFTER UPDATE OF stage ON leads
        WHEN OLD.stage <> NEW.stage BEGIN
        UPDATE stage_counts SET n = n - 1 WHERE stage = OLD.stage;
        UPDATE stage_counts SET n = n + 1 WHERE stage = NEW.stage;
      END;
    `);
  },
};
