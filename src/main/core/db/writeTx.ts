import type { Db } from './open';

/**
 * Runs `fn` as a write transaction that takes the write lock when it begins (BEGIN IMMEDIATE).
 * Another connection may hold the lock (the import worker's): a deferred transaction that began
 * by reading gets SQLITE_BUSY at once when it first writes, whatever the busy timeout says; an
 * immediate one waits for the lock. Nested in another transaction it is a savepoint.
 */
export function writeTx<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
