import { randomBytes, scryptSync } from 'node:crypto';
import { writeInstallRole, writePin, type PinHash } from '../../src/main/core/access/db/access';
import type { Db } from '../../src/main/core/db/open';
import { PIN_SCRYPT } from '../../src/main/core/access/pinHash';
import type { Role } from '../../src/shared/roles';

/** The admin PIN of every test install. */
export const TEST_PIN = '246810';

let cached: PinHash | undefined;

/** The real scrypt hash of TEST_PIN, made once per test process (it takes ~0.1 s). */
function testPinHash(): PinHash {
  if (!cached) {
    const salt = randomBytes(16);
    const hash = scryptSync(TEST_PIN, salt, PIN_SCRYPT.keyLength, {
      N: PIN_SCRYPT.cost,
      r: PIN_SCRYPT.blockSize,
      p: PIN_SCRYPT.parallelism,
      maxmem: 256 * PIN_SCRYPT.cost * PIN_SCRYPT.blockSize,
    });
    cached = { algorithm: 'scrypt', salt, hash, ...PIN_SCRYPT };
  }
  return cached;
}

/**
 * Sets an install up as if its first start were done: an admin PIN (TEST_PIN) and a role.
 * Tests written before roles existed run as an admin install, so they call admin methods as
 * they always did; the access tests pick `agent` and prove the refusals.
 */
export function setUpInstall(db: Db, role: Role, options: { pin?: boolean } = {}): void {
  if (options.pin !== false) writePin(db, testPinHash(), 0, true);
  writeInstallRole(db, role);
}
