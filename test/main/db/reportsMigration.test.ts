import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../src/main/core/db/migrations';
import { m0080Reports } from '../../../src/main/core/db/migrations/0080-reports';
import { migrate } from '../../../src/main/core/db/open';
import { tempDir } from '../../helpers/tempDir';

describe('migration 0080 (reports)', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Database.Database;
  beforeEach(() => {
    dir = tempDir();
    db = new Database(join(dir.path, 'leadphone.db'));
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('indexes a call’s outcome and callbacks by due time on a database with calls in it', () => {
    const at = migrations.indexOf(m0080Reports);
    expect(at).toBeGreaterThan(0);
    migrate(db, migrations.slice(0, at));
    db.exec(`
      INSERT INTO leads (id, name, phone_e164, phone_as_given, stage, next_action, received_at, created_at, updated_at)
        VALUES ('l1', 'Nguyễn Thị Hường', '+84912000101', '0912000101', 'new', 'none', 1, 1, 1);
      INSERT INTO calls (id, lead_id, direction, via, number, started_at)
        VALUES ('c1', 'l1', 'outbound', 'softphone', '0912000101', 5);
      INSERT INTO dispositions (id, lead_id, call_id, status_code, stage_before, stage_after, created_at)
        VALUES ('d1', 'l1', 'c1', 'new.not_interested', 'new', 'new', 6);
      INSERT INTO reminders (id, lead_id, due_at, state, created_at, updated_at)
        VALUES ('r1', 'l1', 100, 'done', 6, 6);
    `);
    migrate(db, migrations.slice(0, at + 1));
    expect(db.pragma('user_version', { simple: true })).toBe(80);

    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    expect(
      plan(
        "SELECT rowid FROM dispositions WHERE call_id = 'c1' ORDER BY created_at DESC, rowid DESC LIMIT 1",
      ),
    ).toContain('dispositions_call');
    expect(plan('SELECT id FROM reminders WHERE due_at >= 0 AND due_at < 200')).toContain(
      'reminders_due_at',
    );
    expect(db.prepare('SELECT COUNT(*) FROM dispositions').pluck().get()).toBe(1);
  });
});
