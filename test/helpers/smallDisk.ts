import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statfsSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real file system of its own, small enough to fill: a tmpfs mounted on a fresh folder (the
 * tests run as root, here and in CI). Full, it refuses writes with ENOSPC as a full disk does,
 * to SQLite and to every other writer, and the machine's own disks are never touched.
 */
export interface SmallDisk {
  /** The mounted folder (the data folder of the core under test). */
  readonly path: string;
  /** Fills it with one file until a write is refused, then frees `leave` bytes of it again. */
  fill(leave?: number): void;
  /** Deletes the filler: the space comes back. */
  free(): void;
  /** Bytes still free, as the file system reports them. */
  available(): number;
  /** Unmounts (even when something still holds a file there) and removes the folder. */
  remove(): void;
}

const FILLER = '.filler';

const PREFIX = 'leadphone-small-disk-';

/** Unmounts the small disks of test processes that are gone (killed before their cleanup). */
function sweepStale(): void {
  for (const mount of mountPoints()) {
    const pid = new RegExp(`/${PREFIX}(\\d+)-[^/]*$`).exec(mount)?.[1];
    if (!pid || alive(Number(pid))) continue;
    try {
      execFileSync('umount', ['-l', mount]);
      rmdirSync(mount);
    } catch {
      // Another run swept it first.
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function mountPoints(): string[] {
  return readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '');
}

export function mountSmallDisk(megabytes = 16): SmallDisk {
  sweepStale();
  // The pid in the name tells a later run whether the process that mounted it is still there.
  const path = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', path]);
  } catch (err) {
    rmdirSync(path);
    throw new Error(
      `These tests fill a small tmpfs and need to mount one (run as root): ${String(err)}`,
      { cause: err },
    );
  }
  const filler = join(path, FILLER);
  return {
    path,
    fill(leave = 0) {
      const fd = openSync(filler, 'a');
      try {
        // Large writes first, then ever smaller ones, until not one more byte fits.
        for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 9, 1]) {
          const chunk = Buffer.alloc(size, 0x46);
          for (;;) {
            try {
              if (writeSync(fd, chunk) < size) break;
            } catch (err) {
              if ((err as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw err;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
      if (leave > 0) {
        const { size } = statSync(filler);
        truncateSync(filler, Math.max(0, size - leave));
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    available() {
      const s = statfsSync(path);
      return s.bavail * s.bsize;
    },
    remove() {
      try {
        execFileSync('umount', [path]);
      } catch {
        // Still held open (a connection a failed test left): detach it now, freed when let go.
        execFileSync('umount', ['-l', path]);
      }
      rmdirSync(path);
    },
  };
}

/** True when `path` is a mount point of its own (what `remove` must have undone). */
export function isMounted(path: string): boolean {
  return mountPoints().includes(path);
}
