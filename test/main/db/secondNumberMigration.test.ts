import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../src/main/core/db/migrations';
import { migrate } from '../../../src/main/core/db/open';
import { tempDir } from '../../helpers/tempDir';

describe('migration 0170 (second number lookup)', () => {
  const dir = tempDir();
  afterEach(() => dir.remove());

  it('indexes the second numbers of a database at the previous version, keeping its leads', () => {
    const db = new Database(join(dir.path, 'leadphone.db'));
    migrate(
      db,
      migrations.filter((m) => m.version < 170),
    );
    db.prepare(
      `INSERT INTO leads (id, name, phone_e164, phone_as_given, phone2_e164, phone2_as_given,
         source, note, stage, next_action, next_action_at, customer_status, received_at,
         created_at, updated_at)
       VALUES ('11111111-1111-4111-8111-111111111111', 'Lê Văn Tám', '+84912345678',
         '0912345678', '+84781530871', '0781530871', '', '', 'new', 'call_now', NULL, NULL, 1, 1, 1)`,
    ).run();
    migrate(db);
    const query = 'SELECT name FROM leads WHERE phone2_e164 = ? AND phone2_e164 IS NOT NULL';
    expect(db.prepare(query).pluck().all('+84781530871')).toEqual(['Lê Văn Tám']);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${query}`).all('+84781530871') as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('leads_phone2');
    db.close();
  });
});
