import type { DncEntry, DncRegisterInfo, DncSource } from '../../../../shared/api/compliance';
import type { Db } from '../../db/open';

interface TeamRow {
  number: number;
  phone: string;
  reason: string;
  source: DncSource;
  lead_id: string | null;
  added_at: number;
}

const toEntry = (r: TeamRow): DncEntry => ({
  phone: r.phone,
  reason: r.reason,
  source: r.source,
  leadId: r.lead_id,
  addedAt: r.added_at,
});

export function teamEntry(db: Db, key: number): DncEntry | null {
  const row = db.prepare('SELECT * FROM dnc_team WHERE number = ?').get(key) as TeamRow | undefined;
  return row ? toEntry(row) : null;
}

export function onNationalRegister(db: Db, key: number): boolean {
  return db.prepare('SELECT 1 FROM dnc_national WHERE number = ?').pluck().get(key) !== undefined;
}

/** A manual entry replaces one a lead made (its reason is the supervisor's now). */
export function putTeamEntry(db: Db, key: number, entry: DncEntry): void {
  db.prepare(
    `INSERT INTO dnc_team (number, phone, reason, source, lead_id, added_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (number) DO UPDATE SET reason = excluded.reason, source = excluded.source`,
  ).run(key, entry.phone, entry.reason, entry.source, entry.leadId, entry.addedAt);
}

export function deleteTeamEntry(db: Db, key: number): boolean {
  return db.prepare('DELETE FROM dnc_team WHERE number = ?').run(key).changes > 0;
}

/** One page of the team's list in number order; `digits` matches anywhere in the number. */
export function teamPage(
  db: Db,
  args: { digits: string; afterKey: number | null; limit: number },
): { items: DncEntry[]; total: number } {
  const like = `%${args.digits}%`;
  const rows = db
    .prepare(
      `SELECT * FROM dnc_team WHERE (? = '' OR phone LIKE ?) AND number > ?
       ORDER BY number LIMIT ?`,
    )
    .all(args.digits, like, args.afterKey ?? -1, args.limit) as TeamRow[];
  const total = db
    .prepare(`SELECT count(*) FROM dnc_team WHERE (? = '' OR phone LIKE ?)`)
    .pluck()
    .get(args.digits, like) as number;
  return { items: rows.map(toEntry), total };
}

export function registerInfo(db: Db): DncRegisterInfo | null {
  const r = db.prepare('SELECT * FROM dnc_register WHERE one = 1').get() as
    | {
        file_name: string;
        file_date: number;
        imported_at: number;
        numbers: number;
        invalid_lines: number;
      }
    | undefined;
  return r
    ? {
        fileName: r.file_name,
        fileDate: r.file_date,
        importedAt: r.imported_at,
        numbers: r.numbers,
        invalidLines: r.invalid_lines,
      }
    : null;
}

/** Whether either list holds any number at all. */
export function anyDncList(db: Db): boolean {
  return (
    db
      .prepare('SELECT EXISTS (SELECT 1 FROM dnc_team) OR EXISTS (SELECT 1 FROM dnc_national)')
      .pluck()
      .get() === 1
  );
}
