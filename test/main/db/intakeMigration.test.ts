import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertLead } from '../../../src/main/core/leads/db/leads';
import { migrations } from '../../../src/main/core/db/migrations';
import { migrate, openDatabase } from '../../../src/main/core/db/open';
import { searchLeads } from '../../../src/main/core/leads/db/search';
import { leadFixture } from '../../helpers/leadFixture';
import { tempDir } from '../../helpers/tempDir';

describe('migration 0040 (intake: search index)', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = join(dir.path, 'leadphone.db');
  });
  afterEach(() => dir.remove());

  const names = (db: Database.Database, query: string) =>
    searchLeads(db, { query, limit: 10, cursor: null }).items.map((l) => l.name);

  it('indexes the leads of a version-30 database', () => {
    const old = new Database(path);
    migrate(
      old,
      migrations.filter((m) => m.version <= 30),
    );
    expect(old.pragma('user_version', { simple: true })).toBe(30);
    insertLead(old, leadFixture({ name: 'Nguyễn Văn A', phone: '+84912345678', note: 'hỏi giá' }));
    insertLead(old, leadFixture({ name: 'Đỗ Thị B', phone: null, phoneAsGiven: '0123-45' }));
    old.prepare("UPDATE leads SET phone2_e164 = '+84987654321' WHERE name = 'Nguyễn Văn A'").run();
    old.close();

    const db = openDatabase(path);
    try {
      expect(names(db, 'nguyen')).toEqual(['Nguyễn Văn A']);
      expect(names(db, 'hoi gia')).toEqual(['Nguyễn Văn A']);
      expect(names(db, '7654')).toEqual(['Nguyễn Văn A']); // the second number too
      expect(names(db, 'do thi')).toEqual(['Đỗ Thị B']);
      expect(names(db, '012345')).toEqual(['Đỗ Thị B']);
    } finally {
      db.close();
    }
  });

  it('stays right through VACUUM (rowids of a table with indexes are kept)', () => {
    const db = openDatabase(path);
    try {
      for (let i = 0; i < 50; i++) {
        insertLead(db, leadFixture({ name: `Khách ${i}`, phone: `+8491234${String(5000 + i)}` }));
      }
      db.prepare("DELETE FROM leads WHERE name IN ('Khách 0', 'Khách 10', 'Khách 20')").run();
      db.exec('VACUUM');
      expect(names(db, 'khach 21')).toEqual(['Khách 21']);
      expect(names(db, 'khach 20')).toEqual([]);
      expect(names(db, '5049')).toEqual(['Khách 49']);
    } finally {
      db.close();
    }
  });
});
