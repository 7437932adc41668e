import type { Migration } from './types';

/*
 * Reports and exports. A call's outcome is looked up by call id for every call a
 * report or an export reads, and callbacks are counted by the day they fell due whatever their
 * state: without these two indexes both are a scan of the whole table per call / per day.
 */
export const m0080Reports: Migration = {
  version: 80,
  name: 'reports',
  up(db) {
    db.exec(`
      CREATE INDEX dispositions_call ON dispositions (call_id, created_at) WHERE call_id IS NOT NULL;
      CREATE INDEX reminders_due_at ON reminders (due_at);
    `);
  },
};
