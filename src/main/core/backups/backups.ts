import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { BACKUP_NAME, type BackupInfo } from '../../../shared/api/backups';
import { AppError } from '../../../shared/errors';
import type { Clock } from '../infra/clock';
import { backupDatabase, checkBackupFile, makeSelfContained } from '../db/integrity';
import type { Db } from '../db/open';
import type { Log } from '../infra/log';
import { ensurePrivateFile, makePrivateDir } from '../infra/privateFiles';
import type { SchedulerTimers } from '../infra/timers';
import { isDiskFullError } from '../infra/diskSpace';

export const BACKUP_DIR = 'backups';
/** The newest daily backups kept. */
export const KEEP_DAILY = 7;
/**
 * Beyond those, the newest daily backup of each of this many older weeks (Monday–Sunday, UTC),
 * so a damage noticed late still has a file from before it.
 */
export const KEEP_WEEKLY = 4;
/**
 * Manual backups are their own series: however many an admin takes, they never evict a daily
 * or a weekly one.
 */
export const KEEP_MANUAL = 5;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** 1970-01-01 was a Thursday: shift by 3 days so weeks start on Monday. */
const MONDAY_OFFSET_MS = 3 * 24 * 60 * 60 * 1000;
/** Copies of a database a restore replaced (an undo for a wrong restore). */
export const KEEP_BEFORE_RESTORE = 3;
export const BACKUP_EVERY_MS = 24 * 60 * 60 * 1000;
const RESTORE_MARKER = 'restore-pending.json';

type Kind = BackupInfo['kind'];

/** `20261123-020000` in UTC: sorts as text, reads the same in every time zone. */
function stamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

/** The n of `…-020000-n.db`: backups taken in the same second, in order. */
function sequenceOf(name: string): number {
  const m = /-\d{6}-(\d{1,3})(-manual)?\.db$/.exec(name);
  return m ? Number(m[1]) : 1;
}

function parseName(name: string): { createdAt: number; kind: Kind } | null {
  const m = BACKUP_NAME.exec(name);
  const parts = /^(leadphone|before-restore)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(
    name,
  );
  if (!m || !parts) return null;
  const [, prefix, y, mo, d, h, mi, s] = parts;
  const createdAt = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!);
  if (Number.isNaN(createdAt)) return null;
  const kind: Kind =
    prefix === 'before-restore' ? 'before_restore' : name.includes('-manual') ? 'manual' : 'daily';
  return { createdAt, kind };
}

/** Backups in `dir`, newest first. Files being written (`.partial`) and strangers are left out. */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseName(name);
    if (!parsed) continue;
    try {
      out.push({ name, ...parsed, size: statSync(join(dir, name)).size });
    } catch {
      // deleted while listing
    }
  }
  return out.sort(
    (a, b) =>
      b.createdAt - a.createdAt ||
      sequenceOf(b.name) - sequenceOf(a.name) ||
      b.name.localeCompare(a.name),
  );
}

/** The next free name for this second: its sequence number follows every name already taken. */
function uniqueName(dir: string, prefix: string, now: number, suffix = ''): string {
  const base = `${prefix}-${stamp(now)}`;
  const taken = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.startsWith(base) && parseName(n))
        .map(sequenceOf)
    : [];
  const next = taken.length === 0 ? 1 : Math.max(...taken) + 1;
  if (next > 999) throw new AppError('internal', 'Too many backups in one second.');
  return `${base}${next === 1 ? '' : `-${next}`}${suffix}.db`;
}

/** The week (Monday–Sunday, UTC) a time falls in, as a number that grows by one a week. */
function weekOf(ms: number): number {
  return Math.floor((ms + MONDAY_OFFSET_MS) / WEEK_MS);
}

/**
 * What the rotation deletes from a newest-first list: dailies beyond the newest 7 except the
 * newest of each of the 4 weeks before them, manual ones beyond the newest 5, and
 * before-restore copies beyond the newest 3. `keep` (the one just taken) stays whatever its date.
 */
export function backupsToPrune(all: BackupInfo[], keep?: string): BackupInfo[] {
  const kept = all.find((b) => b.name === keep)?.kind;
  const others = (kind: BackupInfo['kind']) =>
    all.filter((b) => b.kind === kind && b.name !== keep);
  const limitFor = (kind: BackupInfo['kind'], limit: number) => (kept === kind ? limit - 1 : limit);

  const daily = others('daily');
  const dailyLimit = limitFor('daily', KEEP_DAILY);
  // A week that still has a recent daily backup needs no weekly one.
  const weeks = new Set(
    [...daily.slice(0, dailyLimit), ...all.filter((b) => b.name === keep && kept === 'daily')].map(
      (b) => weekOf(b.createdAt),
    ),
  );
  const covered = weeks.size;
  const out: BackupInfo[] = [];
  for (const b of daily.slice(dailyLimit)) {
    const week = weekOf(b.createdAt);
    if (!weeks.has(week) && weeks.size - covered < KEEP_WEEKLY) weeks.add(week);
    else out.push(b);
  }
  out.push(
    ...others('manual').slice(limitFor('manual', KEEP_MANUAL)),
    ...others('before_restore').slice(limitFor('before_restore', KEEP_BEFORE_RESTORE)),
  );
  return out;
}

function prune(dir: string, log: Log, keep?: string): void {
  for (const b of backupsToPrune(listBackups(dir), keep)) {
    try {
      rmSync(join(dir, b.name), { force: true });
    } catch (err) {
      log.warn('could not delete an old backup', { name: b.name, error: String(err) });
    }
  }
}

function writeFileDurably(path: string, data: string): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  const fd = openSync(tmp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

function copyDurably(from: string, to: string): void {
  copyFileSync(from, to);
  const fd = openSync(to, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface Backups {
  readonly dir: string;
  list(): BackupInfo[];
  /** Takes a backup now (one at a time: a second call waits for the first). */
  create(kind: 'daily' | 'manual'): Promise<BackupInfo>;
  /** Takes the daily backup if the newest one is 24 h old (or from the future: clock moved). */
  backUpIfDue(): Promise<BackupInfo | null>;
  /** Checks a backup and marks it to replace the database at the next start. */
  scheduleRestore(name: string): void;
  pendingRestore(): string | null;
  stop(): void;
  readonly stopped: boolean;
}

/**
 * Backups of a database into `<dataDir>/backups`: a daily one (checked by the minute job, so a
 * computer that is off at night still gets one within a minute of starting), kept as 7 daily
 * and 4 weekly; manual ones (admins only) in a series of their own. `db` is null in degraded mode: listing and restoring still work.
 */
export function createBackups(deps: {
  db: Db | null;
  dataDir: string;
  clock: Clock;
  log: Log;
}): Backups {
  const { db, clock, log } = deps;
  const dir = join(deps.dataDir, BACKUP_DIR);
  let stopped = false;
  let running: Promise<BackupInfo> | null = null;

  async function take(kind: 'daily' | 'manual'): Promise<BackupInfo> {
    if (!db) throw corrupt();
    makePrivateDir(dir);
    const name = uniqueName(dir, 'leadphone', clock.now(), kind === 'manual' ? '-manual' : '');
    const partial = join(dir, `.${name}.partial`);
    try {
      ensurePrivateFile(partial);
      await backupDatabase(db, partial, () => stopped || !db.open);
      renameSync(partial, join(dir, name));
    } catch (err) {
      // Nothing half-written stays (a full disk cuts a copy short anywhere), WAL included.
      removeWithSidecars(partial);
      throw err;
    }
    prune(dir, log, name);
    log.info('database backed up', { name });
    return {
      name,
      createdAt: parseName(name)!.createdAt,
      kind,
      size: statSync(join(dir, name)).size,
    };
  }

  const backups: Backups = {
    dir,
    list: () => listBackups(dir),
    async create(kind) {
      while (running) await running.catch(() => undefined);
      running = take(kind);
      try {
        return await running;
      } finally {
        running = null;
      }
    },
    async backUpIfDue() {
      if (stopped || !db || running) return null;
      // Only the daily series counts: a manual backup taken this morning does not stand in
      // for tonight's daily one.
      const newest = listBackups(dir).find((b) => b.kind === 'daily');
      const age = newest ? clock.now() - newest.createdAt : Infinity;
      if (age < BACKUP_EVERY_MS && age > -BACKUP_EVERY_MS) return null;
      return backups.create('daily');
    },
    scheduleRestore(name) {
      if (!BACKUP_NAME.test(name) || !existsSync(join(dir, name))) {
        throw new AppError('not_found', `No backup named ${name.slice(0, 80)}.`, {
          fields: [{ path: 'name', key: 'backup_not_found' }],
        });
      }
      const check = checkBackupFile(join(dir, name));
      if (!check.ok) {
        throw new AppError('backup_invalid', `Backup ${name} cannot be restored: ${check.reason}`, {
          data: { reason: check.reason },
        });
      }
      writeFileDurably(join(dir, RESTORE_MARKER), JSON.stringify({ name }));
      log.warn('restore scheduled for the next start', { name });
    },
    pendingRestore() {
      try {
        const { name } = JSON.parse(readFileSync(join(dir, RESTORE_MARKER), 'utf8')) as {
          name?: unknown;
        };
        return typeof name === 'string' ? name : null;
      } catch {
        return null;
      }
    },
    stop() {
      stopped = true;
    },
    get stopped() {
      return stopped;
    },
  };
  return backups;
}

export function corrupt(): AppError {
  return new AppError(
    'db_corrupt',
    'The database file is damaged. Restore it from a backup (Admin → Backups).',
  );
}

/** A database file and the WAL and index SQLite may have made beside it. */
function removeWithSidecars(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`])
    rmSync(p, { force: true });
}

/** Runs the daily check every minute on the injected timers; returns the stop function. */
export function scheduleDailyBackups(
  backups: Backups,
  timers: SchedulerTimers,
  log: Log,
  hooks: {
    /** No attempt while this holds (a full disk: the copy could only fail). */
    skip?: () => boolean;
    /** True when the core knows what a failure means (a full disk): no error line then. */
    onFailure?: (err: unknown) => boolean;
  } = {},
) {
  return timers.everyMinute(() => {
    if (hooks.skip?.()) return;
    backups.backUpIfDue().catch((err: unknown) => {
      // A backup cut short by the core closing is not a failure worth an error line.
      if (backups.stopped) return;
      if (hooks.onFailure?.(err)) {
        log.warn('automatic backup postponed', { error: String(err) });
        return;
      }
      log.error('automatic backup failed', {
        error: err instanceof Error ? err.message : String(err),
      });
    });
  });
}

/**
 * Applies a restore chosen in the previous run, before the database is opened: checks the
 * backup again, keeps the current file (and its WAL) as `before-restore-….db`, then swaps the
 * backup in. Each step survives a crash: the marker goes last, so an interrupted restore is
 * simply done again at the next start. Returns the restored backup's name.
 */
export function applyPendingRestore(dbPath: string, now: number, log: Log): string | null {
  const dir = join(dirname(dbPath), BACKUP_DIR);
  const marker = join(dir, RESTORE_MARKER);
  if (!existsSync(marker)) return null;
  const done = () => rmSync(marker, { force: true });
  let name: unknown;
  try {
    name = (JSON.parse(readFileSync(marker, 'utf8')) as { name?: unknown }).name;
  } catch {
    name = undefined;
  }
  if (typeof name !== 'string' || !BACKUP_NAME.test(name)) {
    log.error('restore marker unreadable; ignored', {});
    done();
    return null;
  }
  const source = join(dir, name);
  const check = checkBackupFile(source);
  if (!check.ok) {
    log.error('restore refused: the backup is not sound', { name, reason: check.reason });
    done();
    return null;
  }

  const kept = existsSync(dbPath) ? join(dir, uniqueName(dir, 'before-restore', now)) : null;
  const incoming = `${dbPath}.restoring`;
  try {
    if (kept) keepCurrent(dbPath, kept, log);
    copyDurably(source, incoming);
  } catch (err) {
    // Nothing is swapped yet: the copies go, the current file is opened as it is, and the marker
    // stays, so the restore is done at a start with room for it (a full disk).
    if (kept) removeWithSidecars(kept);
    rmSync(incoming, { force: true });
    if (!isDiskFullError(err, dirname(dbPath))) throw err;
    log.error('restore postponed: the disk is full', { name });
    return null;
  }
  // The old WAL belongs to the old file: left beside the new one, SQLite would replay it.
  rmSync(`${dbPath}-wal`, { force: true });
  rmSync(`${dbPath}-shm`, { force: true });
  renameSync(incoming, dbPath);
  done();
  prune(dir, log);
  log.warn('database restored from a backup', { name });
  return name;
}

/** The database a restore replaces, as one file if SQLite can still read it, else as it was. */
function keepCurrent(dbPath: string, target: string, log: Log): void {
  copyDurably(dbPath, target);
  if (existsSync(`${dbPath}-wal`)) copyDurably(`${dbPath}-wal`, `${target}-wal`);
  try {
    makeSelfContained(target);
  } catch (err) {
    // A damaged file is kept byte for byte (WAL beside it) for whoever tries to rescue it.
    log.warn('kept the replaced database as it was', { error: String(err) });
  }
}
