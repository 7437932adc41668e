import { readFileSync, statSync } from 'node:fs';
import { expect, vi } from 'vitest';
import type { Db } from '../../src/main/core/db/open';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/**
 * The b-trees (tables and indexes, by name) whose pages one write transaction changed: the WAL
 * is emptied first, so afterwards it holds exactly that commit's frames, one per page.
 * `write` must commit once (and not let anything else write meanwhile).
 */
export async function btreesWrittenBy(db: Db, write: () => unknown): Promise<Set<string>> {
  db.pragma('wal_checkpoint(TRUNCATE)');
  await write();
  const wal = readFileSync(`${db.name}-wal`);
  const pageSize = wal.readUInt32BE(8);
  const pages = new Set<number>();
  for (
    let at = WAL_HEADER;
    at + FRAME_HEADER + pageSize <= wal.length;
    at += FRAME_HEADER + pageSize
  ) {
    pages.add(wal.readUInt32BE(at));
  }
  const names = new Set<string>();
  for (const r of db.prepare('SELECT name, pageno FROM dbstat').iterate() as Iterable<{
    name: string;
    pageno: number;
  }>) {
    if (pages.has(r.pageno)) names.add(r.name);
  }
  return names;
}

/**
 * Folds the whole WAL into the file and cuts it to nothing, so the next write must grow it (or
 * reads what the file itself holds). The checkpointer thread may be checkpointing at that moment
 * (the pragma then answers busy): tried again until it is done.
 */
export async function emptyWal(db: Db): Promise<void> {
  await vi.waitFor(
    () => {
      const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      expect(r?.busy).toBe(0);
      expect(statSync(`${db.name}-wal`).size).toBe(0);
    },
    { timeout: 5000, interval: 20 },
  );
}
