import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from './log';

/*
 * The data folder holds customers' names, numbers and notes: the database, its backups,
 * exports, bundles, uploads. Other accounts on the computer must not read any of it, whatever
 * the process's umask (a umask takes bits away, never adds them, so explicit modes suffice).
 */

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
/** The bits that let the group or anyone else in. */
const SHARED_BITS = 0o077;

/** A folder (and any missing parent) only its owner can open. */
export function makePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Creates `path` empty and owner-only if it does not exist. For files another library creates
 * by name (SQLite, the backup API): they are then opened as they are, and SQLite gives a
 * database's -wal and -shm the database file's own mode.
 */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
}

/**
 * Takes group and other permissions off the data folder and everything in it (an install made
 * before this rule, or a file copied in by hand). Symbolic links are left alone: chmod would
 * change what they point to. Runs at every start; a folder of a few hundred files costs
 * milliseconds.
 */
export function makeDataDirPrivate(dir: string, log: Log): void {
  let fixed = 0;
  const visit = (path: string) => {
    let mode: number;
    let isDir: boolean;
    try {
      const st = lstatSync(path);
      if (st.isSymbolicLink()) return;
      mode = st.mode & 0o7777;
      isDir = st.isDirectory();
    } catch {
      return; // gone meanwhile
    }
    if ((mode & SHARED_BITS) !== 0) {
      try {
        chmodSync(path, mode & ~SHARED_BITS);
        fixed++;
      } catch (err) {
        log.warn('could not make a data file private', { error: String(err) });
      }
    }
    if (!isDir) return;
    let names: string[];
    try {
      names = readdirSync(path);
    } catch {
      return;
    }
    for (const name of names) visit(join(path, name));
  };
  visit(dir);
  if (fixed > 0) log.info('data folder made private (owner only)', { fixed });
}
