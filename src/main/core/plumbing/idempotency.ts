import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { findIdempotencyKey, insertIdempotencyKey } from './db/idempotency';
import type { Db } from '../db/open';
import { writeTx } from '../db/writeTx';

/** How long a key is kept: far longer than any retry, short enough that the table stays small. */
export const IDEMPOTENCY_KEY_DAYS = 30;

/** JSON with object keys sorted, so the same payload always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The hash of a (parsed) input without its key: a repeat of the same write hashes the same. */
export function payloadHash(method: string, input: { idempotencyKey?: string }): string {
  const { idempotencyKey: _key, ...payload } = input;
  return createHash('sha256')
    .update(method)
    .update('\n')
    .update(canonicalJson(payload))
    .digest('hex');
}

/**
 * Runs a write at most once per key: in one transaction with the write, the key is stored with
 * what the write returned (ids, JSON-safe). The same key again returns that and writes nothing;
 * the same key on another method or payload is refused. Without a key the write just runs.
 */
export function writeOnce<R>(
  db: Db,
  method: string,
  input: { idempotencyKey?: string },
  now: number,
  write: () => R,
): { result: R; repeated: boolean } {
  const key = input.idempotencyKey;
  if (key === undefined) return { result: write(), repeated: false };
  const hash = payloadHash(method, input);
  return writeTx(db, () => {
    const seen = findIdempotencyKey(db, key);
    if (seen) {
      if (seen.method !== method || seen.payloadHash !== hash) {
        throw new AppError(
          'idempotency_conflict',
          'This request key was already used for a different write.',
        );
      }
      return { result: JSON.parse(seen.result) as R, repeated: true };
    }
    const result = write();
    insertIdempotencyKey(db, {
      key,
      method,
      payloadHash: hash,
      result: JSON.stringify(result),
      createdAt: now,
    });
    return { result, repeated: false };
  });
}
