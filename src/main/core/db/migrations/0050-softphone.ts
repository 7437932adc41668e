import type { Migration } from './types';

/** The softphone: call quality on call records, SIP accounts with encrypted secrets. */
export const m0050Softphone: Migration = {
  version: 50,
  name: 'softphone',
  up(db) {
    db.exec(`
      ALTER TABLE calls ADD COLUMN rtt_ms INTEGER;
      ALTER TABLE calls ADD COLUMN jitter_ms INTEGER;
      ALTER TABLE calls ADD COLUMN packet_loss_pct REAL;
      ALTER TABLE calls ADD COLUMN codec TEXT;
      CREATE INDEX calls_sip_call_id ON calls (sip_call_id) WHERE sip_call_id IS NOT NULL;

      CREATE TABLE sip_accounts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        ws_server TEXT NOT NULL,
        domain TEXT NOT NULL,
        username TEXT NOT NULL,
        auth_username TEXT NOT NULL DEFAULT '',
        -- Encrypted by the core's secrets (safeStorage or a 0600 key file); never plain text.
        password_enc BLOB,
        display_name TEXT NOT NULL DEFAULT '',
        ice_gathering_timeout_ms INTEGER NOT NULL DEFAULT 500,
        dial_prefix TEXT NOT NULL DEFAULT '',
        dial_plan TEXT NOT NULL DEFAULT 'national' CHECK (dial_plan IN ('national', 'e164')),
        dtmf_mode TEXT NOT NULL DEFAULT 'rfc4733' CHECK (dtmf_mode IN ('rfc4733', 'info')),
        register_expires INTEGER NOT NULL DEFAULT 600,
        active INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      -- One active account at a time.
      CREATE UNIQUE INDEX sip_accounts_one_active ON sip_accounts (active) WHERE active = 1;

      CREATE TABLE sip_ice_servers (
        account_id TEXT NOT NULL REFERENCES sip_accounts (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        urls TEXT NOT NULL,
        username TEXT NOT NULL DEFAULT '',
        credential_enc BLOB,
        PRIMARY KEY (account_id, position)
      ) STRICT;
    `);
  },
};
