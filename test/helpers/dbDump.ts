import type { Db } from '../../src/main/core/db/open';

/** Every row of every table, in a stable order: two equal dumps mean two equal databases. */
export function dumpDatabase(db: Db): Record<string, unknown[]> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const hasRowid = !/WITHOUT ROWID/i.test(
      (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(t) as string) ?? '',
    );
    out[t] = db.prepare(`SELECT * FROM "${t}" ${hasRowid ? 'ORDER BY rowid' : ''}`).all();
  }
  return out;
}
