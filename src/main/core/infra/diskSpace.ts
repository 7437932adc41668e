import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { StorageStatus } from '../../../shared/api/storage';
import { AppError } from '../../../shared/errors';
import type { Clock } from './clock';
import type { Log } from './log';

/** The OS's words for a write that found no room (a full disk, a used-up quota) and SQLite's. */
const NO_ROOM = ['ENOSPC', 'EDQUOT', 'SQLITE_FULL'];

/*
 * A disk counts as full while this much cannot be written beside the database: room for a few
 * saves, the WAL index SQLite needs to open the file (32 KiB) and the log's lines. Less than
 * that and a "successful" probe would only let the app flap between full and not.
 */
export const PROBE_BYTES = 1024 * 1024;
const PROBE = Buffer.alloc(PROBE_BYTES);

function codeOf(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** A write refused for lack of room, by the OS or by SQLite. */
export function isNoRoomError(err: unknown): boolean {
  if (err instanceof AppError) return err.code === 'disk_full';
  const code = codeOf(err);
  return code !== null && NO_ROOM.some((c) => code === c || code.startsWith(`${c}_`));
}

/** Writes (then removes) PROBE_BYTES in `dir`: false when the disk has no room for them. */
export function hasRoom(dir: string): boolean {
  // Per thread: the import worker may probe while main does.
  const path = join(dir, `.space-probe-${process.pid}-${threadId}`);
  try {
    writeFileSync(path, PROBE, { mode: 0o600 });
    return true;
  } catch (err) {
    // Any other refusal (a read-only folder, permissions) is a problem, but not a full disk.
    return !isNoRoomError(err);
  } finally {
    rmSync(path, { force: true });
  }
}

/**
 * A failure that a full disk caused. SQLite says SQLITE_FULL when a file cannot grow, but only
 * "disk I/O error" (SQLITE_IOERR_SHMSIZE, _WRITE, _TRUNCATE…) when the WAL index or a file it
 * resizes cannot: then a probe write beside the database tells.
 */
export function isDiskFullError(err: unknown, dir: string): boolean {
  if (isNoRoomError(err)) return true;
  const code = codeOf(err);
  return code !== null && code.startsWith('SQLITE_IOERR') && !hasRoom(dir);
}

export function diskFullError(): AppError {
  return new AppError(
    'disk_full',
    'The disk is full: this was not saved, and nothing saved before was lost. ' +
      'Free some space; LeadPhone carries on by itself.',
  );
}

/** Whether the disk is full, as the last write and the last probe found it. */
export interface DiskWatch {
  readonly status: StorageStatus;
  /** A write found no room: LeadPhone is read-only until a probe finds room again. */
  markFull(): void;
  /** While full: probes for room and, when there is some again, resumes writing (and says so). */
  recheck(): void;
}

export function createDiskWatch(deps: {
  /** Where the database lives: the disk that must have room. */
  dir: string;
  clock: Clock;
  log: Log;
  onChange(status: StorageStatus): void;
  /** Runs when room is back, before writes resume; throwing keeps the disk marked full. */
  resume?: () => void;
}): DiskWatch {
  let since: number | null = null;
  const status = (): StorageStatus => ({ diskFull: since !== null, since });
  return {
    get status() {
      return status();
    },
    markFull() {
      if (since !== null) return;
      since = deps.clock.now();
      deps.log.warn('the disk is full: read-only until space returns', { dir: deps.dir });
      deps.onChange(status());
    },
    recheck() {
      if (since === null || !hasRoom(deps.dir)) return;
      try {
        deps.resume?.();
      } catch (err) {
        deps.log.warn('space came back but writing could not resume yet', {
          error: err instanceof Error ? err.message : String(err),
        });
        return;
      }
      since = null;
      deps.log.info('space is back: writing again', {});
      deps.onChange(status());
    },
  };
}
