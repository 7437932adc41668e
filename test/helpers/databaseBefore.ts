import Database from 'better-sqlite3';
import { migrations } from '../../src/main/core/db/migrations';
import { migrate } from '../../src/main/core/db/open';

/**
 * A database file at the schema just before `version`, holding one lead (Lê Văn Tám), closed:
 * what a migration's test opens with the new app.
 */
export function databaseBefore(path: string, version: number): void {
  const old = new Database(path);
  try {
    migrate(
      old,
      migrations.filter((m) => m.version < version),
    );
    old
      .prepare(
        `INSERT INTO leads (id, name, phone_e164, phone_as_given, source, note, stage, next_action,
           next_action_at, customer_status, received_at, created_at, updated_at)
         VALUES ('11111111-1111-4111-8111-111111111111', 'Lê Văn Tám', '+84912345678',
           '0912345678', '', '', 'new', 'call_now', NULL, NULL, 1, 1, 1)`,
      )
      .run();
  } finally {
    old.close();
  }
}
