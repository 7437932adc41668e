import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A device's token: 32 random bytes. Only its hash is stored; it is shown to the app once. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * SHA-256, not a slow password hash: a token or code has 60 to 256 random bits, so nothing
 * can be guessed from its hash, and every request checks one.
 */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

// No I, O, 0 or 1: a code is read out over the phone.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 12 characters (60 bits), shown as XXXX-XXXX-XXXX; `EnrolmentCode` accepts either form. */
export function newEnrolmentCode(): { code: string; shown: string } {
  let code = '';
  for (let i = 0; i < 12; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return { code, shown: code.match(/.{4}/g)!.join('-') };
}
