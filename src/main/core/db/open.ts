import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { migrations as allMigrations, type Migration } from './migrations';

export type Db = Database.Database;

export function latestVersion(list: readonly Migration[] = allMigrations): number {
  return list.length === 0 ? 0 : list[list.length - 1]!.version;
}

/** Runs the pending migrations in one transaction; refuses a database from a newer app. */
export function migrate(db: Db, list: readonly Migration[] = allMigrations): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(list);
  if (current > latest) {
    throw new AppError(
      'db_too_new',
      `This database was written by a newer LeadPhone (schema ${current}; this app knows up to ${latest}). ` +
        'Update LeadPhone to open it; nothing was changed.',
      { data: { found: current, supported: latest } },
    );
  }
  const pending = list.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${latest}`);
  })();
  return latest;
}

const STATEMENT_CACHE_LIMIT = 2000;

/**
 * Makes `db.prepare` return a cached statement for SQL it has seen: compiling a statement costs
 * more than running most of ours, and the hot paths (a disposition save, the minute re-sync)
 * prepare several. Modes a caller set (pluck, raw, expand) are reset so a cached statement
 * behaves like a fresh one; a statement still being iterated is never handed out twice.
 */
function cachePreparedStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  const cached = (sql: string): Database.Statement => {
    const hit = cache.get(sql);
    if (hit && !hit.busy) {
      if (hit.reader) hit.pluck(false).raw(false).expand(false);
      return hit;
    }
    const fresh = prepare(sql);
    if (!hit && cache.size < STATEMENT_CACHE_LIMIT) cache.set(sql, fresh);
    return fresh;
  };
  Object.defineProperty(db, 'prepare', { value: cached, configurable: true });
}

export function openDatabase(path: string, list: readonly Migration[] = allMigrations): Db {
  const db = new Database(path);
  cachePreparedStatements(db);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db, list);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
