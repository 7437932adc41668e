import type { Db } from '../../db/open';

/*
 * What changed since the last bundle: triggers append every write to a synced table to
 * `change_log` (unless a merge paused them), and `sync_marks` keeps the watermarks.
 */

export function lastChangeSeq(db: Db): number {
  return (db.prepare('SELECT MAX(seq) FROM change_log').pluck().get() as number | null) ?? 0;
}

export function readMark(db: Db, key: string): number | null {
  return (
    (db.prepare('SELECT value FROM sync_marks WHERE key = ?').pluck().get(key) as
      number | undefined) ?? null
  );
}

export function writeMark(db: Db, key: string, value: number): void {
  db.prepare(
    'INSERT INTO sync_marks (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

export function pendingChangeCount(db: Db, since: number): number {
  return db
    .prepare('SELECT COUNT(*) FROM (SELECT DISTINCT tbl, row_id FROM change_log WHERE seq > ?)')
    .pluck()
    .get(since) as number;
}

/**
 * Entries up to an exported watermark have done their job, unless a team server has not
 * acknowledged them yet: the team sync's outbox reads the same log.
 */
export function compactChangeLog(db: Db, upTo: number): void {
  db.prepare(
    'DELETE FROM change_log WHERE seq <= ? AND seq <= coalesce((SELECT pushed_seq FROM team_link), ?)',
  ).run(upTo, upTo);
}

export function pauseLogging(db: Db, paused: boolean): void {
  if (paused) db.exec('INSERT OR IGNORE INTO sync_paused (one) VALUES (1)');
  else db.exec('DELETE FROM sync_paused');
}
