import type { Migration } from './types';

/*
 * A record of every lead import while it runs, so an import cut short by a crash or a power cut
 * is found at the next start and can be resumed (re-running a file is safe: rows already in
 * merge as unchanged). `rows_done` is written in the same transaction as each batch, so it says
 * exactly how far the file got.
 */
export const m0160ImportRuns: Migration = {
  version: 160,
  name: 'import runs',
  up(db) {
    db.exec(`
      CREATE TABLE import_runs (
        id TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        file_ext TEXT NOT NULL,
        mapping TEXT NOT NULL,
        sheet TEXT,
        delimiter TEXT,
        state TEXT NOT NULL
          CHECK (state IN ('running', 'interrupted', 'done', 'cancelled', 'dismissed')),
        rows_done INTEGER NOT NULL DEFAULT 0,
        total_estimate INTEGER NOT NULL DEFAULT 0,
        started_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
