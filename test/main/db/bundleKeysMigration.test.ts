import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core';
import { silentLog } from '../../../src/main/core/infra/log';
import { migrations } from '../../../src/main/core/db/migrations';
import { migrate } from '../../../src/main/core/db/open';
import { setUpInstall } from '../../helpers/access';
import { tempDir } from '../../helpers/tempDir';

describe('migration 0180 (bundle signing keys)', () => {
  const dir = tempDir();
  afterEach(() => dir.remove());

  it('adds the key tables to a database at the previous version, keeping its leads', async () => {
    const path = join(dir.path, 'leadphone.db');
    const old = new Database(path);
    migrate(
      old,
      migrations.filter((m) => m.version < 180),
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
      setUpInstall(core.db, 'supervisor');
      expect(core.db.prepare('SELECT name FROM leads').pluck().all()).toEqual(['Lê Văn Tám']);
      expect(await core.dispatch('sync.trustedKeys', {})).toEqual({ ok: true, value: [] });
      // The first signing key is made on demand and stored once.
      const key = await core.dispatch('sync.signingKey', {});
      expect(key).toMatchObject({ ok: true });
      expect(core.db.prepare('SELECT count(*) FROM signing_key').pluck().get()).toBe(1);
      // Keys are 32 bytes, and there is one signing key at most.
      expect(() =>
        core.db
          .prepare(
            "INSERT INTO trusted_keys (public_key, label, trusted_at) VALUES (x'00', 'x', 1)",
          )
          .run(),
      ).toThrow(/CHECK/);
      expect(() =>
        core.db
          .prepare(
            "INSERT INTO signing_key (one, public_key, private_key_enc, created_at) VALUES (2, zeroblob(32), x'00', 1)",
          )
          .run(),
      ).toThrow(/CHECK/);
    } finally {
      core.close();
    }
  });
});
