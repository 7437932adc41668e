import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { PRIVATE_FILE_MODE } from '../infra/privateFiles';

/** A file that closed cleanly and did not change still gets a full check this often. */
export const FULL_CHECK_EVERY_MS = 7 * 24 * 3_600_000;

interface CloseRecord {
  size: number;
  mtimeMs: number;
  checkedAt: number;
}

const recordPath = (dbPath: string) => `${dbPath}.closed.json`;

/*
 * `quick_check` reads every page: 2.1 s on a 1,000,000-lead file, on every start. Damage comes
 * from a crash or power cut mid-write, or from something else writing the file; neither
 * leaves the file as a clean close left it. So the close records the file's size and
 * modification time, and the next start checks only if they differ, the record is missing
 * (a crash: the start removes it), or the last full check is a week old.
 */

/**
 * Takes (reads and removes) the last clean close's record. Returns when the file was last fully
 * checked if it is exactly as that close left it, else null.
 */
export function takeCleanClose(dbPath: string): number | null {
  const path = recordPath(dbPath);
  let record: unknown = null;
  try {
    record = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    // No record (first start, a crash) or an unreadable one: check.
  }
  rmSync(path, { force: true });
  if (!isRecord(record)) return null;
  // A WAL beside the file means a connection had it open after that close.
  if (existsSync(`${dbPath}-wal`)) return null;
  try {
    const now = statSync(dbPath);
    if (now.size !== record.size || now.mtimeMs !== record.mtimeMs) return null;
  } catch {
    return null;
  }
  return record.checkedAt;
}

/** After the last connection closed: what the next start compares the file with. */
export function recordCleanClose(dbPath: string, checkedAt: number): void {
  const stat = statSync(dbPath);
  const record: CloseRecord = { size: stat.size, mtimeMs: stat.mtimeMs, checkedAt };
  const path = recordPath(dbPath);
  try {
    writeFileSync(`${path}.tmp`, JSON.stringify(record), { mode: PRIVATE_FILE_MODE });
    renameSync(`${path}.tmp`, path);
  } catch (err) {
    // A full disk: no record, so the next start checks the file (a half record would not parse).
    rmSync(`${path}.tmp`, { force: true });
    throw err;
  }
}

function isRecord(v: unknown): v is CloseRecord {
  const r = v as Partial<CloseRecord> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    Number.isFinite(r.size) &&
    Number.isFinite(r.mtimeMs) &&
    Number.isFinite(r.checkedAt)
  );
}
