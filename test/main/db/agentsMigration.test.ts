import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core';
import { silentLog } from '../../../src/main/core/infra/log';
import { migrations } from '../../../src/main/core/db/migrations';
import { migrate } from '../../../src/main/core/db/open';
import { fakeClock, T0 } from '../../helpers/fakeClock';
import { tempDir } from '../../helpers/tempDir';

const LEAD = '44444444-4444-4444-8444-444444444444';
const CALL = '55555555-5555-4555-8555-555555555555';
const DISPOSITION = '66666666-6666-4666-8666-666666666666';

describe('migration 0070 (agents, change log)', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = join(dir.path, 'leadphone.db');
  });
  afterEach(() => dir.remove());

  it('a version-60 database keeps its work; the first agent set on it owns that work', async () => {
    const old = new Database(path);
    migrate(
      old,
      migrations.filter((m) => m.version <= 60),
    );
    expect(old.pragma('user_version', { simple: true })).toBe(60);
    old.exec(`
      INSERT INTO leads (id, name, phone_e164, phone_as_given, stage, next_action, received_at, created_at, updated_at)
        VALUES ('${LEAD}', 'Ngô Thị Lan', '+84912345678', '0912345678', 'new', 'none', 1, 1, 1);
      INSERT INTO calls (id, lead_id, direction, via, number, started_at)
        VALUES ('${CALL}', '${LEAD}', 'outbound', 'manual', '0912345678', 2);
      INSERT INTO dispositions (id, lead_id, call_id, status_code, stage_before, stage_after, created_at)
        VALUES ('${DISPOSITION}', '${LEAD}', '${CALL}', 'new.not_interested', 'new', 'new', 3);
    `);
    old.close();

    const core = createCore({ dbPath: path, log: silentLog, clock: fakeClock(T0) });
    try {
      const db = core.db;
      expect(db.prepare('SELECT agent_id FROM calls').pluck().get()).toBeNull();
      expect(db.prepare('SELECT agent_id FROM dispositions').pluck().get()).toBeNull();
      expect(db.prepare('SELECT COUNT(*) FROM change_log').pluck().get()).toBe(0);
      expect(core.handlers['agent.get']({})).toEqual({ agent: null });

      const agent = await core.handlers['agent.set']({ name: 'Ngô Văn Bảo', code: 'NV07' });
      expect(db.prepare('SELECT agent_id FROM calls').pluck().get()).toBe(agent.id);
      expect(db.prepare('SELECT agent_id FROM dispositions').pluck().get()).toBe(agent.id);
      // The old lead is in the first bundle ("since the last bundle" starts from nothing).
      const status = await core.handlers['sync.status']({});
      expect(status).toEqual({ lastExportAt: null, pendingChanges: 2 });
    } finally {
      core.close();
    }
  });
});
