import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../../src/main/core/db/checkpointer';
import { openDatabase } from '../../../src/main/core/db/open';
import type { Log } from '../../../src/main/core/infra/log';
import { tempCore, type TempCore } from '../../helpers/tempCore';
import { tempDir } from '../../helpers/tempDir';

/** The page count SQLite keeps in the database file's header (bytes 28–31, big-endian). */
function pagesInFileHeader(path: string): number {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(100);
    readSync(fd, header, 0, 100, 0);
    return header.readUInt32BE(28);
  } finally {
    closeSync(fd);
  }
}

describe('WAL checkpoints off the main thread', () => {
  let t: TempCore;
  afterEach(() => t.dispose());

  it('never checkpoints in a commit, and the worker copies the WAL into the file', async () => {
    t = tempCore();
    const db = t.core.db;
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = pagesInFileHeader(t.dbPath);
    const insert = db.prepare(
      'INSERT INTO lead_notes (id, lead_id, text, created_at) VALUES (?, ?, ?, ?)',
    );
    const added = await t.core.dispatch('leads.add', { name: 'Khách', phone: '0912345678' });
    const leadId = (added as { value: { id: string } }).value.id;
    // Well past the 1,000 pages at which a commit would checkpoint by itself.
    for (let batch = 0; batch < 40; batch++) {
      db.transaction(() => {
        for (let i = 0; i < 200; i++) {
          insert.run(`${batch}-${i}`, leadId, 'ghi chú '.repeat(40), batch);
        }
      })();
    }
    expect(statSync(`${t.dbPath}-wal`).size).toBeGreaterThan(4 * 1024 * 1024);
    await expect
      .poll(() => pagesInFileHeader(t.dbPath), { timeout: 10_000, interval: 50 })
      .toBeGreaterThan(before + 1000);
    expect(db.prepare('SELECT COUNT(*) FROM lead_notes').pluck().get()).toBe(8000);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('has closed every connection when the core has closed, even right after opening', () => {
    for (const writes of [0, 200]) {
      const dir = tempDir();
      const core = tempCore({ dir: dir.path });
      for (let i = 0; i < writes; i++) {
        core.core.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(`k${i}`, '"v"');
      }
      core.core.close();
      // The last connection to close removes the WAL: none is left to write into the file.
      expect(existsSync(`${core.dbPath}-wal`)).toBe(false);
      dir.remove();
    }
  });

  it('goes back to automatic checkpoints when the worker cannot run', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir.path, 'x.db'));
    const errors: string[] = [];
    const log: Log = {
      info: () => {},
      warn: () => {},
      error: (message) => errors.push(message),
    };
    const checkpointer = startCheckpointer(db, log, {
      driver: join(dir.path, 'no-such-driver.js'),
    });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await expect
      .poll(() => db.pragma('wal_autocheckpoint', { simple: true }), { timeout: 10_000 })
      .toBe(1000);
    expect(errors).toEqual(['checkpoint worker failed; back to automatic checkpoints']);
    checkpointer.stop();
    db.close();
    dir.remove();
  });
});
