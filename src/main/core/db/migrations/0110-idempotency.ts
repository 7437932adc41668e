import type { Migration } from './types';

/*
 * A save can commit and its reply still be lost (a crash, a dropped WebSocket); the renderer
 * then sends it again. Each write it may repeat carries a key the renderer made once per user
 * action; the key is kept here with what the first write returned, so a repeat returns that
 * and writes nothing. The payload's hash tells a repeat from a different write reusing a key.
 * One table for every method, so the team server's outbox can use the same keys.
 */
export const m0110Idempotency: Migration = {
  version: 110,
  name: 'idempotency',
  up(db) {
    db.exec(`
      CREATE TABLE idempotency_keys (
        key TEXT NOT NULL,
        method TEXT NOT NULL,
        payload_hash TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX idempotency_keys_key ON idempotency_keys (key);
    `);
  },
};
