import { newRowId } from '../../db/rowId';
import type { ImportedLead } from '../importRow';
import { appendNote, appendSource } from '../mergeText';
import type { Db } from '../../db/open';
import { pauseSearchIndex, type SearchPause } from '../../leads/db/searchSync';

/*
 * The writes of a lead import. A row becomes a new lead (stage `new`, "call now"), or merges
 * into the lead that already has its number: that lead keeps its stage, next action and
 * history; the row's source and note are appended when not there yet, and a missing name is
 * filled in. Without a valid number a lead is recognised by its number as given and its name.
 *
 * A batch is `begin`, `write` for each row, `finish`, all inside one transaction; the search
 * index is brought up to date by `finish` in one statement (see searchSync.ts).
 */

export type WriteOutcome = 'new' | 'merged' | 'unchanged';

interface Existing {
  rowid: number;
  id: string;
  name: string;
  phone_e164: string | null;
  phone2_e164: string | null;
  source: string;
  note: string;
}

export interface ImportWriter {
  begin(): void;
  write(lead: ImportedLead): WriteOutcome;
  finish(): void;
}

export function createImportWriter(db: Db, now: number): ImportWriter {
  // ON CONFLICT … DO NOTHING: a new number (the common case) costs one statement; a known one
  // (changes = 0) goes on to the merge.
  const insertValid = db.prepare(
    `INSERT INTO leads (id, name, phone_e164, phone_as_given, phone2_e164, phone2_as_given,
       source, note, stage, next_action, next_action_at, customer_status, received_at,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'new', 'call_now', NULL, NULL, ?, ?, ?)
     ON CONFLICT (phone_e164) WHERE phone_e164 IS NOT NULL DO NOTHING`,
  );
  const insertUnparsed = db.prepare(
    `INSERT INTO leads (id, name, phone_e164, phone_as_given, source, note, stage, next_action,
       next_action_at, customer_status, received_at, created_at, updated_at)
     VALUES (?, ?, NULL, ?, ?, ?, 'new', 'call_now', NULL, NULL, ?, ?, ?)`,
  );
  const COLUMNS = 'rowid, id, name, phone_e164, phone2_e164, source, note';
  const byPhone = db.prepare(`SELECT ${COLUMNS} FROM leads WHERE phone_e164 = ?`);
  // Matches the partial index leads_phone2 (migration 0170).
  const byPhone2 = db.prepare(
    `SELECT ${COLUMNS} FROM leads WHERE phone2_e164 = ? AND phone2_e164 IS NOT NULL LIMIT 1`,
  );
  const anyPhone2 = db
    .prepare('SELECT EXISTS (SELECT 1 FROM leads WHERE phone2_e164 IS NOT NULL)')
    .pluck();
  // Matches the partial index leads_unparsed_phone (migration 0040).
  const byPhoneAsGiven = db.prepare(
    `SELECT ${COLUMNS} FROM leads
     WHERE phone_e164 IS NULL AND phone_as_given = ? AND name = ?`,
  );
  const update = db.prepare(
    'UPDATE leads SET name = ?, source = ?, note = ?, updated_at = ? WHERE id = ?',
  );
  const setPhone2 = db.prepare(
    'UPDATE leads SET phone2_e164 = ?, phone2_as_given = ?, updated_at = ? WHERE id = ?',
  );

  let pause: SearchPause | undefined;
  let updated: number[] = [];
  // Whether any lead has a second number: until one has, a row's first number is only looked
  // up by the insert itself, as before (the common case costs one statement).
  let secondNumbers = false;

  function merge(existing: Existing, lead: ImportedLead): WriteOutcome {
    const name = existing.name === '' ? lead.name : existing.name;
    const source = appendSource(existing.source, lead.source);
    // A number of the row the lead does not have yet: its second number if that is free, else
    // a line of the note, so neither is lost.
    const known = [existing.phone_e164, existing.phone2_e164];
    const extra = [
      { e164: lead.e164, asGiven: lead.phoneAsGiven },
      { e164: lead.phone2, asGiven: lead.phone2AsGiven },
    ].filter((n) => n.e164 !== null && !known.includes(n.e164));
    let note = appendNote(existing.note, lead.note);
    let phone2Set = false;
    for (const n of extra) {
      if (existing.phone2_e164 === null && !phone2Set) {
        setPhone2.run(n.e164, n.asGiven, now, existing.id);
        phone2Set = true;
        secondNumbers = true;
      } else {
        note = appendNote(note, `SĐT khác: ${n.asGiven}`);
      }
    }
    if (
      !phone2Set &&
      name === existing.name &&
      source === existing.source &&
      note === existing.note
    ) {
      return 'unchanged';
    }
    if (name !== existing.name || source !== existing.source || note !== existing.note) {
      update.run(name, source, note, now, existing.id);
    }
    updated.push(existing.rowid);
    return 'merged';
  }

  /** The lead either of the row's numbers already belongs to, as first or second number. */
  function findByEither(lead: ImportedLead): Existing | undefined {
    for (const e164 of [lead.e164, lead.phone2]) {
      if (e164 === null) continue;
      const found = (byPhone.get(e164) ?? byPhone2.get(e164)) as Existing | undefined;
      if (found) return found;
    }
    return undefined;
  }

  return {
    begin() {
      pause = pauseSearchIndex(db);
      updated = [];
      secondNumbers = anyPhone2.get() === 1;
    },
    finish() {
      pause?.resume(updated);
      pause = undefined;
    },
    write(lead) {
      if (lead.e164 !== null) {
        if (secondNumbers || lead.phone2 !== null) {
          const existing = findByEither(lead);
          if (existing) return merge(existing, lead);
        }
        const inserted = insertValid.run(
          newRowId(),
          lead.name,
          lead.e164,
          lead.phoneAsGiven,
          lead.phone2,
          lead.phone2AsGiven,
          lead.source,
          lead.note,
          lead.receivedAt,
          now,
          now,
        );
        if (inserted.changes === 1) {
          if (lead.phone2 !== null) secondNumbers = true;
          return 'new';
        }
        const existing = byPhone.get(lead.e164) as Existing | undefined;
        if (!existing) throw new Error('A lead was neither inserted nor found by its number.');
        return merge(existing, lead);
      }
      const existing = byPhoneAsGiven.get(lead.phoneAsGiven, lead.name) as Existing | undefined;
      if (existing) return merge(existing, lead);
      insertUnparsed.run(
        newRowId(),
        lead.name,
        lead.phoneAsGiven,
        lead.source,
        lead.note,
        lead.receivedAt,
        now,
        now,
      );
      return 'new';
    },
  };
}
