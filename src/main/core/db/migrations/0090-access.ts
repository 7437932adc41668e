import type { Migration } from './types';

/**
 * Roles, the admin PIN and number masking. One row: the install's own settings.
 * The PIN is a salted scrypt hash with its parameters beside it, so they can be raised later
 * without locking anybody out. Failed attempts live here too, so restarting the app or opening
 * another connection does not reset the growing delay.
 */
export const m0090Access: Migration = {
  version: 90,
  name: 'access',
  up(db) {
    db.exec(`
      CREATE TABLE access (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        install_role TEXT NOT NULL DEFAULT 'agent'
          CHECK (install_role IN ('agent', 'supervisor', 'admin')),
        mask_numbers INTEGER NOT NULL DEFAULT 0 CHECK (mask_numbers IN (0, 1)),
        pin_hash BLOB,
        pin_salt BLOB,
        pin_algorithm TEXT,
        pin_cost INTEGER,
        pin_block_size INTEGER,
        pin_parallelism INTEGER,
        pin_key_length INTEGER,
        pin_set_at INTEGER,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER NOT NULL DEFAULT 0,
        CHECK ((pin_hash IS NULL) = (pin_salt IS NULL))
      ) STRICT;
      INSERT INTO access (id) VALUES (1);
    `);
  },
};
