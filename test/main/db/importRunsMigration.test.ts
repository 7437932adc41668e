import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core';
import { silentLog } from '../../../src/main/core/infra/log';
import { migrations } from '../../../src/main/core/db/migrations';
import { migrate } from '../../../src/main/core/db/open';
import { tempDir } from '../../helpers/tempDir';

describe('migration 0160 (import runs)', () => {
  const dir = tempDir();
  afterEach(() => dir.remove());

  it('adds an empty record of imports to a database at the previous version, keeping its leads', async () => {
    const path = join(dir.path, 'leadphone.db');
    const old = new Database(path);
    migrate(
      old,
      migrations.filter((m) => m.version < 160),
    );
    old
      .prepare(
        `INSERT INTO leads (id, name, phone_e164, phone_as_given, source, note, stage, next_action,
           next_action_at, customer_status, received_at, created_at, updated_at)
         VALUES ('11111111-1111-4111-8111-111111111111', 'Lê Văn Tám', '+84912345678',
           '0912345678', '', '', 'new', 'call_now', NULL, NULL, 1, 1, 1)`,
      )
      .run();
    old.close();

    const core = createCore({ dbPath: path, log: silentLog });
    try {
      expect(core.db.prepare('SELECT name FROM leads').pluck().all()).toEqual(['Lê Văn Tám']);
      expect(core.db.prepare('SELECT count(*) FROM import_runs').pluck().get()).toBe(0);
      const r = await core.dispatch('imports.interrupted', {});
      expect(r).toEqual({ ok: true, value: { items: [] } });
      // The states are checked by the table itself.
      expect(() =>
        core.db
          .prepare(
            `INSERT INTO import_runs (id, file_name, file_ext, mapping, state, started_at, updated_at)
             VALUES ('x', 'a.csv', '.csv', '{}', 'paused', 1, 1)`,
          )
          .run(),
      ).toThrow(/CHECK/);
    } finally {
      core.close();
    }
  });
});
