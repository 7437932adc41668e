import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import type { Core } from '../../src/main/core';
import type { Db } from '../../src/main/core/db/open';
import { tempCore } from './tempCore';

/** Garbage over pages in the middle of the file: header and schema stay readable. */
export function damagePages(path: string): void {
  const pageSize = 4096;
  const pages = Math.floor(statSync(path).size / pageSize);
  expect(pages).toBeGreaterThan(8);
  const fd = openSync(path, 'r+');
  try {
    for (let p = 3; p < pages - 1; p += 2)
      writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, p * pageSize);
  } finally {
    closeSync(fd);
  }
}

/**
 * Closes a core and waits until no connection holds its file: the last connection to close
 * deletes the -wal file, and replacing or damaging the file before that races it.
 */
export async function closeForGood(core: Core, dbPath: string): Promise<void> {
  core.close();
  await vi.waitFor(() => expect(existsSync(`${dbPath}-wal`)).toBe(false), { timeout: 5000 });
}

/**
 * The data folder the degraded-mode tests start from: a database with `leads` leads and one
 * backup of it, closed, then damaged. Returns the backup's name.
 */
export async function damagedDataDir(dir: string, leads = 300): Promise<string> {
  const dbPath = join(dir, 'leadphone.db');
  const healthy = tempCore({ dir });
  for (let i = 1; i <= leads; i++) {
    await healthy.core.dispatch('leads.add', {
      name: `Khách ${i}`,
      phone: `0912${String(i).padStart(6, '0')}`,
    });
  }
  const backup = await healthy.core.dispatch('backups.create', {});
  if (!backup.ok) throw new Error(backup.error.message);
  await closeForGood(healthy.core, dbPath);
  damagePages(dbPath);
  return (backup.value as { name: string }).name;
}

/** The pages (numbers from 1) a table and its own b-tree hold, asked of a connection to it. */
export function pagesOf(db: Db, table: string): number[] {
  return db.prepare('SELECT pageno FROM dbstat WHERE name = ?').pluck().all(table) as number[];
}

/**
 * Garbage over `pages` of the file, leaving its size and modification time as they were: what a
 * clean close recorded still matches, so no start-up check looks, and the damage is met by the
 * first read that needs one of those pages.
 */
export function damageQuietly(path: string, pages: readonly number[]): void {
  const pageSize = 4096;
  const before = statSync(path);
  const { mtimeNs } = statSync(path, { bigint: true });
  expect(pages.length).toBeGreaterThan(0);
  const fd = openSync(path, 'r+');
  try {
    for (const p of pages) {
      writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (p - 1) * pageSize);
    }
  } finally {
    closeSync(fd);
  }
  // To the nanosecond (utimes takes a double of seconds and would round it): the clean-close
  // record compares the modification time exactly.
  const ns = String(mtimeNs % 1_000_000_000n).padStart(9, '0');
  execFileSync('touch', ['-m', '-d', `@${mtimeNs / 1_000_000_000n}.${ns}`, path]);
  const after = statSync(path);
  expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
}

/** The bytes of a database file and its WAL, and the file's modification time. */
export function fingerprint(path: string): { db: string; wal: string | null; mtimeMs: number } {
  const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
  return {
    db: hash(path),
    wal: existsSync(`${path}-wal`) ? hash(`${path}-wal`) : null,
    mtimeMs: statSync(path).mtimeMs,
  };
}
