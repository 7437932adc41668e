import type { Migration } from './types';

/*
 * The link to a team server: where it is, this device's token (encrypted like SIP passwords),
 * who the server says we are, how far the pull has read (`cursor`, the server's sequence) and
 * how far the outbox has been acknowledged (`pushed_seq`, a `change_log` sequence). A first
 * upload of what the install made alone walks the synced tables by key (`upload_*`).
 * Refusals keep what the server did not take, for the agent to read; removals are leads that
 * left this agent and wait for their last local changes to go up before they are dropped.
 */
export const m0190TeamLink: Migration = {
  version: 190,
  name: 'team link',
  up(db) {
    db.exec(`
      CREATE TABLE team_link (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        server_url TEXT NOT NULL,
        device_id TEXT NOT NULL,
        token_enc BLOB NOT NULL,
        agent_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
        team_name TEXT NOT NULL,
        cursor INTEGER NOT NULL DEFAULT 0,
        pushed_seq INTEGER NOT NULL DEFAULT 0,
        next_batch INTEGER NOT NULL DEFAULT 1,
        upload_table INTEGER,
        upload_key TEXT,
        connected_at INTEGER NOT NULL,
        last_sync_at INTEGER,
        revoked_at INTEGER
      ) STRICT;
      CREATE TABLE team_refusals (
        id INTEGER PRIMARY KEY,
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        lead_id TEXT,
        at INTEGER NOT NULL,
        seen INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE team_removals (lead_id TEXT PRIMARY KEY) STRICT;
    `);
  },
};
