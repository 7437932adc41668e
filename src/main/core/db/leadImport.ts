import { newRowId } from './rowId';
import type { ImportedLead } from '../import/importRow';
import { appendNote, appendSource } from '../import/mergeText';
import type { Db } from './open';
import { pauseSearchIndex, type SearchPause } from './searchSync';

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
    `INSERT INTO leads (id, name, phone_e164, phone_as_given, source, note, stage, next_action,
       next_action_at, customer_status, received_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'new', 'call_now', NULL, NULL, ?, ?, ?)
     ON CONFLICT (phone_e164) WHERE phone_e164 IS NOT NULL DO NOTHING`,
  );
  const insertUnparsed = db.prepare(
    `INSERT INTO leads (id, name, phone_e164, phone_as_given, source, note, stage, next_action,
       next_action_at, customer_status, received_at, created_at, updated_at)
     VALUES (?, ?, NULL, ?, ?, ?, 'new', 'call_now', NULL, NULL, ?, ?, ?)`,
  );
  const byPhone = db.prepare('SELECT id, name, source, note FROM leads WHERE phone_e164 = ?');
  // Matches the partial index leads_unparsed_phone (migration 0040).
  const byPhoneAsGiven = db.prepare(
    `SELECT rowid, id, name, source, note FROM leads
     WHERE phone_e164 IS NULL AND phone_as_given = ? AND name = ?`,
  );
  const update = db.prepare(
    'UPDATE leads SET name = ?, source = ?, note = ?, updated_at = ? WHERE id = ?',
  );

  let pause: SearchPause | undefined;
  let updated: number[] = [];

  function merge(existing: Existing, lead: ImportedLead): WriteOutcome {
    const name = existing.name === '' ? lead.name : existing.name;
    const source = appendSource(existing.source, lead.source);
    const note = appendNote(existing.note, lead.note);
    if (name === existing.name && source === existing.source && note === existing.note) {
      return 'unchanged';
    }
    update.run(name, source, note, now, existing.id);
    updated.push(existing.rowid);
    return 'merged';
  }

  return {
    begin() {
      pause = pauseSearchIndex(db);
      updated = [];
    },
    finish() {
      pause?.resume(updated);
      pause = undefined;
    },
    write(lead) {
      if (lead.e164 !== null) {
        const inserted = insertValid.run(
          newRowId(),
          lead.name,
          lead.e164,
          lead.phoneAsGiven,
          lead.source,
          lead.note,
          lead.receivedAt,
          now,
          now,
        );
        if (inserted.changes === 1) return 'new';
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
