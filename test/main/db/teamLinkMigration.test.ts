import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/core/db/open';
import { readLink } from '../../../src/main/core/team/db/teamLink';
import { databaseBefore } from '../../helpers/databaseBefore';
import { tempDir } from '../../helpers/tempDir';

describe('migration 0190 (team link)', () => {
  const dir = tempDir();
  afterEach(() => dir.remove());

  it('adds the team tables to a database at the previous version, keeping its leads, unlinked', () => {
    const path = join(dir.path, 'leadphone.db');
    databaseBefore(path, 190);

    const db = openDatabase(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(190);
      expect(db.prepare('SELECT name FROM leads').pluck().all()).toEqual(['Lê Văn Tám']);
      expect(readLink(db)).toBeNull();
      expect(db.prepare('SELECT count(*) FROM team_refusals').pluck().get()).toBe(0);
      // One link at most.
      const insert = db.prepare(
        `INSERT INTO team_link (one, server_url, device_id, token_enc, agent_id, role, team_name, connected_at)
         VALUES (?, 'https://x', 'd', x'00', 'a', 'agent', 'T', 1)`,
      );
      insert.run(1);
      expect(() => insert.run(2)).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
