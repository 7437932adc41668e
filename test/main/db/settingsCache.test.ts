import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSettings, writeSettings } from '../../../src/main/core/settings/db/settings';
import { tempCore, type TempCore } from '../../helpers/tempCore';

describe('settings, read once and kept', () => {
  let t: TempCore;
  beforeEach(() => (t = tempCore()));
  afterEach(() => t.dispose());

  it('hands out the same frozen object until something changes', () => {
    const first = readSettings(t.core.db);
    expect(readSettings(t.core.db)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.callingWindow)).toBe(true);
  });

  it('sees its own writes at once', () => {
    readSettings(t.core.db);
    writeSettings(t.core.db, { timeZone: 'Europe/Paris' });
    expect(readSettings(t.core.db).timeZone).toBe('Europe/Paris');
  });

  it('sees a write committed by another connection', () => {
    expect(readSettings(t.core.db).language).toBe('vi');
    const other = new Database(t.dbPath);
    try {
      other
        .prepare(
          "INSERT INTO settings (key, value) VALUES ('language', '\"en\"') ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .run();
    } finally {
      other.close();
    }
    expect(readSettings(t.core.db).language).toBe('en');
  });

  it('does not keep what it read inside a transaction that is then rolled back', () => {
    const db = t.core.db;
    const rollback = new Error('roll back');
    expect(() =>
      db.transaction(() => {
        writeSettings(db, { timeZone: 'Asia/Tokyo' });
        expect(readSettings(db).timeZone).toBe('Asia/Tokyo');
        throw rollback;
      })(),
    ).toThrow(rollback);
    expect(readSettings(db).timeZone).toBe('Asia/Ho_Chi_Minh');
  });
});
