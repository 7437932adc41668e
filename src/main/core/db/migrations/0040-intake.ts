import type { Migration } from './types';

/*
 * Lead intake: the search index and the identity of leads whose number is not a valid one.
 *
 * Search is an FTS5 table with the trigram tokenizer: any 3+ characters of a name, note or
 * phone number match, so "any 4+ digits of a phone" is a substring query. Measured on 1,000,000
 * leads (see docs in db/search.ts): p99 ≈ 5 ms for a page of 50, against ≈ 90 ms for scanning
 * an indexed folded column with instr() (an index helps prefixes only, not "digits in the
 * middle"), for ~150 MB of index and ~0.6 s per 100,000 inserted leads.
 *
 * Folding: the tokenizer folds case and diacritics itself (remove_diacritics, checked against
 * every Vietnamese letter in test/main/db/search.test.ts); đ/Đ is a letter of its own, not d plus
 * a mark, so the triggers replace it. The triggers are plain SQL (no application function), so
 * every connection and every code path that writes `leads` keeps the index right.
 *
 * The index is contentless (it stores no copy of the text) and keyed by leads.rowid.
 * SQLite keeps the rowids of a table that has indexes through VACUUM; a migration that
 * rebuilds `leads` must recreate these triggers and refill the index (`rebuildSearchSql`).
 */

const foldD = (x: string) => `replace(replace(${x}, 'đ', 'd'), 'Đ', 'd')`;

// The national form of a stored E.164 number, the digits an agent types: +84912… → 0912….
const national = (x: string) =>
  `CASE WHEN ${x} IS NULL THEN '' WHEN ${x} LIKE '+84%' THEN '0' || substr(${x}, 4) ELSE substr(${x}, 2) END`;

// The digits of a number kept as given (not a valid one), without the usual separators.
const digitsOf = (x: string) =>
  [' ', '.', '-', '(', ')', '+', "''", '/'].reduce((acc, c) => `replace(${acc}, '${c}', '')`, x);

const phoneText = (row: string) =>
  `${national(`${row}.phone_e164`)} || ' ' || ${national(`${row}.phone2_e164`)} || ` +
  `CASE WHEN ${row}.phone_e164 IS NULL THEN ' ' || ${digitsOf(`${row}.phone_as_given`)} ELSE '' END`;

/** The values the index holds for one leads row (`NEW`, `OLD`, or a table alias). */
export const searchValues = (row: string) =>
  `${row}.rowid, ${foldD(`${row}.name`)}, ${phoneText(row)}, ${foldD(`${row}.note`)}`;

export const rebuildSearchSql = `
  INSERT INTO lead_search (lead_search) VALUES ('delete-all');
  INSERT INTO lead_search (rowid, name, phone, note) SELECT ${searchValues('leads')} FROM leads;
`;

export const m0040Intake: Migration = {
  version: 40,
  name: 'intake',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE lead_search USING fts5(
        name, phone, note,
        content = '', contentless_delete = 1,
        tokenize = 'trigram remove_diacritics 1'
      );

      -- A row here (only ever inside a transaction) pauses the insert and update triggers: an
      -- import writes a batch of leads, then indexes them with one statement (db/searchSync.ts).
      CREATE TABLE lead_search_paused (one INTEGER PRIMARY KEY CHECK (one = 1)) STRICT;

      -- OR REPLACE: a rowid left behind by an INSERT OR REPLACE on leads (whose implicit delete
      -- fires no trigger) is overwritten rather than refusing the new lead.
      CREATE TRIGGER leads_search_insert AFTER INSERT ON leads
        WHEN NOT EXISTS (SELECT 1 FROM lead_search_paused) BEGIN
        INSERT OR REPLACE INTO lead_search (rowid, name, phone, note) VALUES (${searchValues('NEW')});
      END;
      CREATE TRIGGER leads_search_update
        AFTER UPDATE OF name, phone_e164, phone_as_given, phone2_e164, note ON leads
        WHEN NOT EXISTS (SELECT 1 FROM lead_search_paused) BEGIN
        DELETE FROM lead_search WHERE rowid = OLD.rowid;
        INSERT INTO lead_search (rowid, name, phone, note) VALUES (${searchValues('NEW')});
      END;
      CREATE TRIGGER leads_search_delete AFTER DELETE ON leads BEGIN
        DELETE FROM lead_search WHERE rowid = OLD.rowid;
      END;

      -- A lead whose number is not valid has no E.164 to merge on; an import recognises it by
      -- the number as given and the name, so importing the same file twice adds nothing.
      CREATE INDEX leads_unparsed_phone ON leads (phone_as_given, name) WHERE phone_e164 IS NULL;
    `);
    db.exec(rebuildSearchSql);
  },
};
