import type { Migration } from './types';

/*
 * Do-not-call lists (Decree 91/2020/NĐ-CP). Numbers are keyed by the digits of their E.164 form
 * as one integer (`shared/compliance/dncNumber.ts`), so any way of writing a number finds it.
 *
 * - `dnc_team`: the team's own list. A lead marked "Không gọi lại" puts its number there by
 *   trigger (every path that sets the flag: the lead's detail, a sync merge, a team pull), and
 *   taking the flag off takes that entry off again; supervisors add and remove numbers by hand
 *   with a reason.
 * - `dnc_national`: the national register, millions of numbers, nothing but the key (WITHOUT
 *   ROWID: the table is its own index, ~12 bytes a number). An import builds
 *   `dnc_national_next` and swaps it in with one transaction (`compliance/db/register.ts`).
 * - `dnc_register`: which file the register in force came from.
 */
export const m0200Compliance: Migration = {
  version: 200,
  name: 'compliance',
  up(db) {
    db.exec(`
      CREATE TABLE dnc_team (
        number INTEGER PRIMARY KEY,
        phone TEXT NOT NULL,
        reason TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('lead', 'manual')),
        lead_id TEXT,
        added_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE dnc_national (number INTEGER PRIMARY KEY) STRICT, WITHOUT ROWID;
      CREATE TABLE dnc_register (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        file_name TEXT NOT NULL,
        file_date INTEGER NOT NULL,
        imported_at INTEGER NOT NULL,
        numbers INTEGER NOT NULL,
        invalid_lines INTEGER NOT NULL
      ) STRICT;

      CREATE TRIGGER leads_dnc_insert AFTER INSERT ON leads
      WHEN NEW.do_not_call = 1 AND NEW.phone_e164 IS NOT NULL
      BEGIN
        INSERT OR IGNORE INTO dnc_team (number, phone, reason, source, lead_id, added_at)
        VALUES (CAST(substr(NEW.phone_e164, 2) AS INTEGER), NEW.phone_e164, '', 'lead', NEW.id, NEW.updated_at);
      END;
      CREATE TRIGGER leads_dnc_on AFTER UPDATE OF do_not_call ON leads
      WHEN NEW.do_not_call = 1 AND OLD.do_not_call = 0 AND NEW.phone_e164 IS NOT NULL
      BEGIN
        INSERT OR IGNORE INTO dnc_team (number, phone, reason, source, lead_id, added_at)
        VALUES (CAST(substr(NEW.phone_e164, 2) AS INTEGER), NEW.phone_e164, '', 'lead', NEW.id, NEW.updated_at);
      END;
      CREATE TRIGGER leads_dnc_off AFTER UPDATE OF do_not_call ON leads
      WHEN NEW.do_not_call = 0 AND OLD.do_not_call = 1 AND NEW.phone_e164 IS NOT NULL
      BEGIN
        DELETE FROM dnc_team
        WHERE number = CAST(substr(NEW.phone_e164, 2) AS INTEGER) AND source = 'lead' AND lead_id = NEW.id;
      END;

      INSERT OR IGNORE INTO dnc_team (number, phone, reason, source, lead_id, added_at)
      SELECT CAST(substr(phone_e164, 2) AS INTEGER), phone_e164, '', 'lead', id, updated_at
      FROM leads WHERE do_not_call = 1 AND phone_e164 IS NOT NULL;
    `);
  },
};
