import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core';
import { silentLog } from '../../../src/main/core/infra/log';
import { migrations } from '../../../src/main/core/db/migrations';
import { latestVersion, migrate, openDatabase } from '../../../src/main/core/db/open';
import { AppError } from '../../../src/shared/errors';
import { tempDir } from '../../helpers/tempDir';

describe('migrations', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = join(dir.path, 'leadphone.db');
  });
  afterEach(() => dir.remove());

  it('are numbered in tens, in order', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    for (const v of versions) expect(v % 10).toBe(0);
  });

  it('0020: a version-10 database with leads is opened by the app and keeps every row', () => {
    const old = new Database(path);
    migrate(old, migrations.slice(0, 1));
    expect(old.pragma('user_version', { simple: true })).toBe(10);
    const insert = old.prepare(
      `INSERT INTO leads (id, name, phone_e164, phone_as_given, source, note, stage, next_action,
         next_action_at, customer_status, received_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, '', '', ?, ?, ?, NULL, 1, 1, 1)`,
    );
    insert.run(
      '11111111-1111-4111-8111-111111111111',
      'Lê Văn Tám',
      '+84912345678',
      '0912345678',
      'new',
      'call_now',
      null,
    );
    insert.run(
      '22222222-2222-4222-8222-222222222222',
      'Hồ Thị Chín',
      '+84987654321',
      '0987654321',
      'contact',
      'callback',
      5,
    );
    old.close();

    const core = createCore({ dbPath: path, log: silentLog });
    try {
      expect(core.db.pragma('user_version', { simple: true })).toBe(latestVersion());
      const names = core.db.prepare('SELECT name FROM leads ORDER BY name').pluck().all();
      expect(names).toEqual(['Hồ Thị Chín', 'Lê Văn Tám']);
      expect(core.db.prepare('SELECT stage, n FROM stage_counts ORDER BY stage').all()).toEqual([
        { stage: 'contact', n: 1 },
        { stage: 'new', n: 1 },
        { stage: 'order', n: 0 },
      ]);
      expect(core.handlers['settings.get']({})).toMatchObject({
        language: 'vi',
        timeZone: 'Asia/Ho_Chi_Minh',
      });
    } finally {
      core.close();
    }
  });

  it('0030: a version-20 database with leads and settings gains the workflow tables and keeps its rows', async () => {
    const old = new Database(path);
    migrate(
      old,
      migrations.filter((m) => m.version <= 20),
    );
    old
      .prepare(
        `INSERT INTO leads (id, name, phone_e164, phone_as_given, source, note, stage, next_action,
           next_action_at, customer_status, received_at, created_at, updated_at)
         VALUES ('33333333-3333-4333-8333-333333333333', 'Đỗ Văn Mười', '+84912345678', '0912 345 678', 'Zalo', 'ghi chú', 'new', 'call_now', NULL, NULL, 1, 1, 1)`,
      )
      .run();
    old.prepare("INSERT INTO settings (key, value) VALUES ('language', '\"en\"')").run();
    old.close();

    const core = createCore({ dbPath: path, log: silentLog });
    try {
      const lead = await core.handlers['leads.get']({ id: '33333333-3333-4333-8333-333333333333' });
      expect(lead).toMatchObject({
        name: 'Đỗ Văn Mười',
        source: 'Zalo',
        note: 'ghi chú',
        doNotCall: false,
        phoneWrong: false,
        phone2: null,
        gender: '',
        lastOutcome: null,
      });
      expect((await core.handlers['settings.get']({})).language).toBe('en');
      const statuses = await core.handlers['statuses.list']({});
      expect(statuses.filter((s) => s.stage === 'new')).toHaveLength(4);
      expect(statuses.filter((s) => s.stage === 'contact')).toHaveLength(9);
      expect(statuses.filter((s) => s.kind === 'customer')).toHaveLength(6);
    } finally {
      core.close();
    }
  });

  it('refuses a database written by a newer app, with a clear message, and leaves it as it was', () => {
    const db = openDatabase(path);
    db.prepare("INSERT INTO settings (key, value) VALUES ('language', '\"en\"')").run();
    db.pragma('user_version = 990');
    db.close();

    let error: unknown;
    try {
      createCore({ dbPath: path, log: silentLog });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('db_too_new');
    expect((error as AppError).message).toMatch(
      /newer LeadPhone \(schema 990; this app knows up to \d+\)/,
    );

    const again = new Database(path);
    expect(again.pragma('user_version', { simple: true })).toBe(990);
    expect(again.prepare('SELECT value FROM settings').pluck().get()).toBe('"en"');
    again.close();
  });

  it('runs the pending migrations all or nothing', () => {
    const db = new Database(path);
    migrate(db, migrations.slice(0, 1));
    const broken = [
      ...migrations,
      {
        version: 9990,
        name: 'broken',
        up: (d: Database.Database) => d.exec('CREATE TABLE x (a); SELECT * FROM nope'),
      },
    ];
    expect(() => migrate(db, broken)).toThrow(/no such table: nope/);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE name IN ('settings', 'x')").all(),
    ).toEqual([]);
    db.close();
  });

  it('opens with WAL and foreign keys on', () => {
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
