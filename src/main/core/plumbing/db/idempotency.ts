import type { Db } from '../../db/open';

export interface IdempotencyRecord {
  method: string;
  payloadHash: string;
  /** What the first write returned (its ids), as JSON. */
  result: string;
}

export function findIdempotencyKey(db: Db, key: string): IdempotencyRecord | undefined {
  return db
    .prepare(
      'SELECT method, payload_hash AS payloadHash, result FROM idempotency_keys WHERE key = ?',
    )
    .get(key) as IdempotencyRecord | undefined;
}

export function insertIdempotencyKey(
  db: Db,
  r: IdempotencyRecord & { key: string; createdAt: number },
): void {
  db.prepare(
    `INSERT INTO idempotency_keys (key, method, payload_hash, result, created_at)
     VALUES (@key, @method, @payloadHash, @result, @createdAt)`,
  ).run(r);
}

/** Forgets keys older than `before`: a repeat comes within minutes, not weeks. */
export function pruneIdempotencyKeys(db: Db, before: number): number {
  return db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(before).changes;
}
