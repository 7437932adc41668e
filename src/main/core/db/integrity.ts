import Database from 'better-sqlite3';
import { latestVersion, openDatabase, type Db, type OpenOptions } from './open';

/** SQLite's own words for a damaged file: opening or reading it fails with these. */
const CORRUPTION_CODES = ['SQLITE_CORRUPT', 'SQLITE_NOTADB'];

export function isCorruptionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CORRUPTION_CODES.some((c) => code.startsWith(c));
}

/**
 * `PRAGMA quick_check`: every page and index entry readable and well-formed (not the slower
 * cross-check of indexes against tables). Returns the problems; an empty list is a sound file.
 */
export function quickCheck(db: Db): string[] {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  return rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
}

export type CheckedOpen = { ok: true; db: Db } | { ok: false; problems: string[] };

/**
 * Opens the app's database (migrations included) and checks it (unless the caller knows the file
 * is as a checked one was left: db/cleanClose.ts). A damaged file is reported, not
 * thrown, so the core can start in a degraded mode that offers a restore. Other failures (a
 * database from a newer app) still throw.
 */
export function openCheckedDatabase(
  path: string,
  { quickCheck: check = true, exclusive = false }: { quickCheck?: boolean } & OpenOptions = {},
): CheckedOpen {
  let db: Db;
  try {
    db = openDatabase(path, undefined, { exclusive });
  } catch (err) {
    if (isCorruptionError(err)) return { ok: false, problems: [String(err)] };
    throw err;
  }
  if (!check) return { ok: true, db };
  try {
    const problems = quickCheck(db);
    if (problems.length === 0) return { ok: true, db };
    db.close();
    return { ok: false, problems };
  } catch (err) {
    db.close();
    if (isCorruptionError(err)) return { ok: false, problems: [String(err)] };
    throw err;
  }
}

export type BackupCheck = { ok: true; version: number } | { ok: false; reason: string };

/** Whether a backup file can replace the database: sound, ours, and not from a newer app. */
export function checkBackupFile(path: string): BackupCheck {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const problems = quickCheck(db);
    if (problems.length > 0) return { ok: false, reason: `quick_check: ${problems[0]}` };
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1) return { ok: false, reason: 'not a LeadPhone database (no schema)' };
    if (version > latestVersion()) {
      return { ok: false, reason: `written by a newer LeadPhone (schema ${version})` };
    }
    const hasLeads = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'leads'")
      .pluck()
      .get();
    if (!hasLeads) return { ok: false, reason: 'not a LeadPhone database (no leads table)' };
    return { ok: true, version };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  } finally {
    db?.close();
  }
}

/**
 * Copies the live database into `target` with SQLite's online backup API: a consistent
 * snapshot while the app keeps writing, WAL contents included.
 */
export async function backupDatabase(db: Db, target: string, isStopped: () => boolean) {
  await db.backup(target, {
    progress() {
      // Abandons a backup still running when the core closes (the file is then discarded).
      if (isStopped()) throw new Error('backup stopped: the database is closing');
      return 256;
    },
  });
  // A backup is one self-contained file: no -wal/-shm appear beside it when it is read.
  makeSelfContained(target);
}

/** Folds a database file's WAL into it and leaves it in rollback-journal mode: one file. */
export function makeSelfContained(path: string): void {
  const db = new Database(path);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}
