import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../../src/main/core/db/open';
import type { ImportMappingInput } from '../../../src/shared/importTypes';
import { tempCore, type TempCore } from '../../helpers/tempCore';

/** The columns of the files these tests write: Họ tên, SĐT, Nguồn, Ghi chú, Thời gian. */
export const standardMapping: ImportMappingInput = {
  hasHeader: true,
  columns: { name: 0, phone: 1, source: 2, note: 3, receivedAt: 4 },
};

export interface ImportRig extends TempCore {
  /** Writes a file into the core's temp folder and returns its path. */
  file(name: string, content: string | Buffer): string;
  leads(): LeadRowForTest[];
}

export interface LeadRowForTest {
  name: string;
  phone_e164: string | null;
  phone_as_given: string;
  source: string;
  note: string;
  stage: string;
  next_action: string;
  received_at: number;
}

export function importRig(): ImportRig {
  const t = tempCore();
  return {
    ...t,
    file(name, content) {
      const path = join(t.dir, name);
      writeFileSync(path, content);
      return path;
    },
    leads: () => leadRows(t.core.db),
  };
}

export function leadRows(db: Db): LeadRowForTest[] {
  return db
    .prepare(
      `SELECT name, phone_e164, phone_as_given, source, note, stage, next_action, received_at
       FROM leads ORDER BY rowid`,
    )
    .all() as LeadRowForTest[];
}

/** A CSV line from cells, quoting the way spreadsheets do. */
export function csvLine(cells: string[], delimiter = ','): string {
  return cells
    .map((c) =>
      c.includes('"') || c.includes(delimiter) || /[\r\n]/.test(c)
        ? `"${c.replace(/"/g, '""')}"`
        : c,
    )
    .join(delimiter);
}
