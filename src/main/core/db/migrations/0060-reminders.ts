import type { Migration } from './types';

/** Reminders that fire: when each fired, whether it was missed while the app was closed. */
export const m0060Reminders: Migration = {
  version: 60,
  name: 'reminders',
  up(db) {
    db.exec(`
      ALTER TABLE reminders ADD COLUMN missed INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE reminders ADD COLUMN acknowledged_at INTEGER;
      -- The scheduler's one question: the soonest pending reminder that has not fired.
      CREATE INDEX reminders_unfired ON reminders (due_at) WHERE state = 'pending' AND fired_at IS NULL;
    `);
  },
};
