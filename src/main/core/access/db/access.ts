import type { Role } from '../../../../shared/roles';
import type { Db } from '../../db/open';

export interface PinHash {
  algorithm: 'scrypt';
  hash: Buffer;
  salt: Buffer;
  /** scrypt's N, r, p and the derived key's length, kept with the hash they made. */
  cost: number;
  blockSize: number;
  parallelism: number;
  keyLength: number;
}

export interface AccessRow {
  installRole: Role;
  maskNumbers: boolean;
  pin: PinHash | null;
  failedAttempts: number;
  lockedUntil: number;
}

interface Raw {
  install_role: Role;
  mask_numbers: number;
  pin_hash: Buffer | null;
  pin_salt: Buffer | null;
  pin_algorithm: string | null;
  pin_cost: number | null;
  pin_block_size: number | null;
  pin_parallelism: number | null;
  pin_key_length: number | null;
  failed_attempts: number;
  locked_until: number;
}

export function readAccess(db: Db): AccessRow {
  const r = db.prepare('SELECT * FROM access WHERE id = 1').get() as Raw;
  return {
    installRole: r.install_role,
    maskNumbers: r.mask_numbers === 1,
    pin:
      r.pin_hash && r.pin_salt
        ? {
            algorithm: 'scrypt',
            hash: r.pin_hash,
            salt: r.pin_salt,
            cost: r.pin_cost ?? 0,
            blockSize: r.pin_block_size ?? 0,
            parallelism: r.pin_parallelism ?? 0,
            keyLength: r.pin_key_length ?? 0,
          }
        : null,
    failedAttempts: r.failed_attempts,
    lockedUntil: r.locked_until,
  };
}

/** Stores a new PIN; `onlyIfNone` makes the first-start setup refuse to replace one (race-free). */
export function writePin(db: Db, pin: PinHash, now: number, onlyIfNone: boolean): boolean {
  const result = db
    .prepare(
      `UPDATE access SET pin_hash = ?, pin_salt = ?, pin_algorithm = ?, pin_cost = ?,
         pin_block_size = ?, pin_parallelism = ?, pin_key_length = ?, pin_set_at = ?,
         failed_attempts = 0, locked_until = 0
       WHERE id = 1 ${onlyIfNone ? 'AND pin_hash IS NULL' : ''}`,
    )
    .run(
      pin.hash,
      pin.salt,
      pin.algorithm,
      pin.cost,
      pin.blockSize,
      pin.parallelism,
      pin.keyLength,
      now,
    );
  return result.changes === 1;
}

export function writeFailures(db: Db, failedAttempts: number, lockedUntil: number): void {
  db.prepare('UPDATE access SET failed_attempts = ?, locked_until = ? WHERE id = 1').run(
    failedAttempts,
    lockedUntil,
  );
}

export function writeInstallRole(db: Db, role: Role): void {
  db.prepare('UPDATE access SET install_role = ? WHERE id = 1').run(role);
}

export function writeMaskNumbers(db: Db, mask: boolean): void {
  db.prepare('UPDATE access SET mask_numbers = ? WHERE id = 1').run(mask ? 1 : 0);
}
