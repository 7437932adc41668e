import type { Migration } from './types';

/*
 * Assignment bundles are signed (Ed25519) by the supervisor's install and taken only when an
 * admin of the agent's install trusts the signer's key. `signing_key` holds this install's own
 * key pair (one row, made the first time it signs): the public key as its 32 raw bytes, the
 * private key encrypted by the same secrets store as SIP passwords, never in clear.
 * `trusted_keys` holds the public keys an admin pinned, with who the admin took them for.
 */
export const m0180BundleKeys: Migration = {
  version: 180,
  name: 'bundle signing keys',
  up(db) {
    db.exec(`
      CREATE TABLE signing_key (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        public_key BLOB NOT NULL CHECK (length(public_key) = 32),
        private_key_enc BLOB NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE trusted_keys (
        public_key BLOB PRIMARY KEY CHECK (length(public_key) = 32),
        label TEXT NOT NULL,
        trusted_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
