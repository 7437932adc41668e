import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PinHash } from './db/access';

/** OWASP's scrypt floor (N=2^15, r=8, p=1) — about 0.1 s a try, which a PIN's few digits need. */
export const PIN_SCRYPT = { cost: 1 << 15, blockSize: 8, parallelism: 1, keyLength: 32 };
const SALT_BYTES = 16;

function derive(pin: string, salt: Buffer, p: Omit<PinHash, 'algorithm' | 'hash' | 'salt'>) {
  const options: ScryptOptions = {
    N: p.cost,
    r: p.blockSize,
    p: p.parallelism,
    // scrypt needs 128·N·r·p bytes; Node's default ceiling is exactly that at these settings.
    maxmem: 256 * p.cost * p.blockSize * p.parallelism,
  };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(pin.normalize('NFKC'), salt, p.keyLength, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** A fresh salted hash of `pin` (off the main thread: scrypt runs in libuv's pool). */
export async function hashPin(pin: string, params = PIN_SCRYPT): Promise<PinHash> {
  const salt = randomBytes(SALT_BYTES);
  return { algorithm: 'scrypt', salt, hash: await derive(pin, salt, params), ...params };
}

/** Checks `pin` against a stored hash with the parameters stored beside it. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  if (stored.algorithm !== 'scrypt' || stored.keyLength !== stored.hash.length) return false;
  const key = await derive(pin, stored.salt, stored);
  return timingSafeEqual(key, stored.hash);
}
