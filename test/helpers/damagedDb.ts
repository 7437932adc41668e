import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import type { Core } from '../../src/main/core/core';
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
