import type { Db } from '../../db/open';

export type ImportRunState = 'running' | 'interrupted' | 'done' | 'cancelled' | 'dismissed';

export interface ImportRunRow {
  id: string;
  file_name: string;
  file_ext: string;
  mapping: string;
  sheet: string | null;
  delimiter: string | null;
  state: ImportRunState;
  rows_done: number;
  total_estimate: number;
  started_at: number;
  updated_at: number;
}

export function insertImportRun(
  db: Db,
  run: Pick<ImportRunRow, 'id' | 'file_name' | 'file_ext' | 'mapping' | 'sheet' | 'delimiter'>,
  now: number,
): void {
  db.prepare(
    `INSERT INTO import_runs (id, file_name, file_ext, mapping, sheet, delimiter, state,
       started_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?)
     ON CONFLICT (id) DO UPDATE SET state = 'running', rows_done = 0, total_estimate = 0,
       updated_at = excluded.updated_at`,
  ).run(run.id, run.file_name, run.file_ext, run.mapping, run.sheet, run.delimiter, now, now);
}

/** Written inside each batch's transaction: the record never runs ahead of the rows. */
export function recordImportProgress(
  db: Db,
  id: string,
  rowsDone: number,
  totalEstimate: number,
  now: number,
): void {
  db.prepare(
    'UPDATE import_runs SET rows_done = ?, total_estimate = ?, updated_at = ? WHERE id = ?',
  ).run(rowsDone, totalEstimate, now, id);
}

export function setImportRunState(db: Db, id: string, state: ImportRunState, now: number): void {
  db.prepare('UPDATE import_runs SET state = ?, updated_at = ? WHERE id = ?').run(state, now, id);
}

/** At start: a run still marked running was cut short by the end of the previous process. */
export function markRunsInterrupted(db: Db): number {
  return db.prepare("UPDATE import_runs SET state = 'interrupted' WHERE state = 'running'").run()
    .changes;
}

export function interruptedRuns(db: Db): ImportRunRow[] {
  return db
    .prepare("SELECT * FROM import_runs WHERE state = 'interrupted' ORDER BY started_at")
    .all() as ImportRunRow[];
}

export function importRun(db: Db, id: string): ImportRunRow | undefined {
  return db.prepare('SELECT * FROM import_runs WHERE id = ?').get(id) as ImportRunRow | undefined;
}
