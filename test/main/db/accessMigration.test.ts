import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core';
import { silentLog } from '../../../src/main/core/infra/log';
import { migrations } from '../../../src/main/core/db/migrations';
import { migrate } from '../../../src/main/core/db/open';
import { tempDir } from '../../helpers/tempDir';

describe('migration 0090 (access)', () => {
  const dir = tempDir();
  afterEach(() => dir.remove());

  it('gives a database at the previous version an agent install with no PIN, keeping its leads', async () => {
    const path = join(dir.path, 'leadphone.db');
    const old = new Database(path);
    migrate(
      old,
      migrations.filter((m) => m.version < 90),
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
      expect(core.db.prepare('SELECT * FROM access').all()).toEqual([
        expect.objectContaining({
          id: 1,
          install_role: 'agent',
          mask_numbers: 0,
          pin_hash: null,
          failed_attempts: 0,
        }),
      ]);
      expect(await core.dispatch('auth.status', {})).toMatchObject({
        ok: true,
        value: { hasPin: false, role: 'agent', maskNumbers: false },
      });
      // One row only, and a role the app knows.
      expect(() => core.db.prepare('INSERT INTO access (id) VALUES (2)').run()).toThrow();
      expect(() => core.db.prepare("UPDATE access SET install_role = 'owner'").run()).toThrow();
    } finally {
      core.close();
    }
  });
});
