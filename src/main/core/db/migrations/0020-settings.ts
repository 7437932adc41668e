import type { Migration } from './types';

export const m0020Settings: Migration = {
  version: 20,
  name: 'settings',
  up(db) {
    // One row per setting; values are JSON so each key keeps its own type.
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
