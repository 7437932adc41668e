import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core';
import { silentLog } from '../../../src/main/core/infra/log';
import { migrations } from '../../../src/main/core/db/migrations';
import { latestVersion, migrate } from '../../../src/main/core/db/open';
import { fakeClock } from '../../helpers/fakeClock';
import { tempCore } from '../../helpers/tempCore';
import { tempDir } from '../../helpers/tempDir';

const DAY = 24 * 3_600_000;

describe('migration 0110 (idempotency keys)', () => {
  const dir = tempDir();
  afterEach(() => dir.remove());

  it('gives a database at version 100 an empty key table with a unique key, keeping its leads', () => {
    const path = join(dir.path, 'leadphone.db');
    const old = new Database(path);
    migrate(
      old,
      migrations.filter((m) => m.version < 110),
    );
    expect(old.pragma('user_version', { simple: true })).toBe(100);
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
      expect(core.db.pragma('user_version', { simple: true })).toBe(latestVersion());
      expect(core.db.prepare('SELECT name FROM leads').pluck().all()).toEqual(['Lê Văn Tám']);
      expect(core.db.prepare('SELECT COUNT(*) FROM idempotency_keys').pluck().get()).toBe(0);
      const insert = core.db.prepare(
        `INSERT INTO idempotency_keys (key, method, payload_hash, result, created_at)
         VALUES ('k', 'leads.add', 'h', '{}', 1)`,
      );
      insert.run();
      expect(() => insert.run()).toThrow(/UNIQUE/);
    } finally {
      core.close();
    }
  });
});

describe('idempotency keys over time', () => {
  it('forgets keys after 30 days, at the next start', async () => {
    const dir = tempDir();
    const clock = fakeClock();
    const open = () => tempCore({ dir: dir.path, clock });
    try {
      let t = open();
      const add = { name: 'Khách', phone: '0912345678', idempotencyKey: randomUUID() };
      await t.core.dispatch('leads.add', add);
      clock.advance(29 * DAY);
      t.core.close();
      t = open();
      expect(await t.core.dispatch('leads.add', add)).toMatchObject({ ok: true });
      clock.advance(2 * DAY);
      t.core.close();
      t = open();
      // The key is gone: the same request now is a new one, refused as a duplicate number.
      expect(await t.core.dispatch('leads.add', add)).toMatchObject({
        ok: false,
        error: { code: 'duplicate_lead' },
      });
      expect(t.core.db.prepare('SELECT COUNT(*) FROM idempotency_keys').pluck().get()).toBe(0);
      t.core.close();
    } finally {
      dir.remove();
    }
  });
});
