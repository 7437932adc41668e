import type { ImportMapping, ImportReason } from '../../../shared/importTypes';
import { normalisePhone } from '../../../shared/phone';
import { splitPhoneCell } from '../../../shared/phoneSplit';
import { cellText, cellValue } from './cellText';
import type { TimeReader } from './receivedTime';

/** What one row of the file says about a lead, cleaned. */
export interface ImportedLead {
  name: string;
  /** E.164, or null when the number is invalid or missing (the lead is kept and flagged). */
  e164: string | null;
  phoneAsGiven: string;
  /** A second number written in the same cell (`0796… / 0781…`), valid; else null and ''. */
  phone2: string | null;
  phone2AsGiven: string;
  source: string;
  note: string;
  receivedAt: number;
}

export type RowOutcome =
  | { kind: 'rejected'; reason: 'no_name_no_phone'; name: string; phone: string }
  | { kind: 'lead'; lead: ImportedLead; flags: ImportReason[] };

export interface RowContext {
  mapping: ImportMapping;
  readTime: TimeReader;
  now: number;
}

// NFC: the same name typed on a Mac (decomposed) and on Windows (composed) is one name.
const clean = (value: unknown) => cellText(value).normalize('NFC').trim();

function cell(cells: readonly unknown[], column: number | null): unknown {
  return column === null ? undefined : cells[column];
}

/** Reads one (non-blank) row: a lead to write, with its flags, or a rejection. */
export function readImportRow(cells: readonly unknown[], ctx: RowContext): RowOutcome {
  const { columns, defaultSource } = ctx.mapping;
  const name = clean(cell(cells, columns.name)).replace(/\s+/g, ' ');
  const phoneAsGiven = clean(cell(cells, columns.phone));
  if (name === '' && phoneAsGiven === '') {
    return { kind: 'rejected', reason: 'no_name_no_phone', name, phone: phoneAsGiven };
  }
  const flags: ImportReason[] = [];
  const split = splitPhoneCell(phoneAsGiven);
  const phone =
    split.count === 2
      ? { valid: true as const, e164: split.first.e164 }
      : normalisePhone(phoneAsGiven);
  if (split.count === 2) flags.push('two_numbers');
  else if (!phone.valid)
    flags.push(phone.reason === 'phone_required' ? 'phone_missing' : 'phone_invalid');
  let receivedAt = ctx.now;
  if (columns.receivedAt !== null) {
    const time = ctx.readTime(cellValue(cells[columns.receivedAt]));
    if (time === null) flags.push('time_unreadable');
    else if (time !== undefined) receivedAt = time;
  }
  return {
    kind: 'lead',
    lead: {
      name,
      e164: phone.valid ? phone.e164 : null,
      phoneAsGiven: split.count === 2 ? split.first.asGiven : phoneAsGiven,
      phone2: split.count === 2 ? split.second.e164 : null,
      phone2AsGiven: split.count === 2 ? split.second.asGiven : '',
      source: clean(cell(cells, columns.source)) || defaultSource,
      // Line breaks inside a quoted CSV cell keep the file's CRLF; a note uses \n.
      note: clean(cell(cells, columns.note)).replace(/\r\n?/g, '\n'),
      receivedAt,
    },
    flags,
  };
}
