import type { Role } from '../../shared/roles';
import type { Db, Tx } from './pool';

type Q = Db | Tx;

export interface StoredCode {
  name: string | null;
  code: string | null;
  role: Role;
  bootstrap: boolean;
  expiresAt: number;
  usedAt: number | null;
}

export async function insertCode(
  q: Q,
  c: {
    hash: Buffer;
    name: string | null;
    code: string | null;
    role: Role;
    bootstrap: boolean;
    createdBy: string | null;
    expiresAt: number;
  },
  now: number,
): Promise<void> {
  await q.query(
    `INSERT INTO enrolment_codes (code_hash, name, code, role, bootstrap, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [c.hash, c.name, c.code, c.role, c.bootstrap, c.createdBy, now, c.expiresAt],
  );
}

/** The code, locked until the transaction ends, so two devices cannot both use it. */
export async function lockCode(q: Tx, hash: Buffer): Promise<StoredCode | undefined> {
  const { rows } = await q.query<{
    name: string | null;
    code: string | null;
    role: Role;
    bootstrap: boolean;
    expires_at: number;
    used_at: number | null;
  }>(
    `SELECT name, code, role, bootstrap, expires_at, used_at FROM enrolment_codes
     WHERE code_hash = $1 FOR UPDATE`,
    [hash],
  );
  const r = rows[0];
  return (
    r && {
      name: r.name,
      code: r.code,
      role: r.role,
      bootstrap: r.bootstrap,
      expiresAt: r.expires_at,
      usedAt: r.used_at,
    }
  );
}

export async function markCodeUsed(q: Tx, hash: Buffer, deviceId: string, now: number) {
  await q.query(
    'UPDATE enrolment_codes SET used_at = $2, used_by_device = $3 WHERE code_hash = $1',
    [hash, now, deviceId],
  );
}

/** A new first-admin code replaces any earlier unused one (only the newest is printed). */
export async function expireBootstrapCodes(q: Q, now: number): Promise<void> {
  await q.query(
    'UPDATE enrolment_codes SET expires_at = $1 WHERE bootstrap AND used_at IS NULL AND expires_at > $1',
    [now],
  );
}
