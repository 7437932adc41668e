import { searchValues } from '../../db/migrations/0040-intake';
import type { Db } from '../../db/open';

/*
 * Bulk writes and the search index. Inside a transaction, every statement that writes `leads`
 * opens a statement savepoint (its triggers write a virtual table), and FTS5 flushes its
 * pending terms to a new segment at every savepoint: indexed row by row, a 100,000-row import
 * wrote 100,000 one-row segments and spent ~4 s merging them. So a batch pauses the triggers,
 * writes its leads, and indexes them with one statement, all in the batch's transaction (a
 * crash rolls the pause back with the rest).
 */

export interface SearchPause {
  /** Re-indexes the leads written since the pause (`updated`: rowids of older leads changed). */
  resume(updated: readonly number[]): void;
}

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    maxRowid: db.prepare('SELECT coalesce(max(rowid), 0) FROM leads').pluck(),
    pause: db.prepare('INSERT INTO lead_search_paused (one) VALUES (1)'),
    unpause: db.prepare('DELETE FROM lead_search_paused'),
    forget: db.prepare('DELETE FROM lead_search WHERE rowid IN (SELECT value FROM json_each(?))'),
    index: db.prepare(
      `INSERT INTO lead_search (rowid, name, phone, note)
       SELECT ${searchValues('leads')} FROM leads
       WHERE rowid > ? OR rowid IN (SELECT value FROM json_each(?))`,
    ),
  };
}

/** Call inside a transaction; call `resume` before it commits. */
export function pauseSearchIndex(db: Db): SearchPause {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepare(db)));
  const stmts = s;
  // New leads get rowids above every existing one (SQLite's max(rowid) + 1).
  const before = stmts.maxRowid.get() as number;
  stmts.pause.run();
  return {
    resume(updated) {
      stmts.unpause.run();
      const older = JSON.stringify(updated.filter((r) => r <= before));
      stmts.forget.run(older);
      stmts.index.run(before, older);
    },
  };
}
