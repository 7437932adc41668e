import { readFileSync } from 'node:fs';
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
