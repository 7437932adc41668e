import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { makePrivateDir } from './privateFiles';

/** Encrypts secrets (SIP passwords, TURN credentials) before they reach SQLite. */
export interface Secrets {
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

const VERSION = Buffer.from('lp1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a random key kept in a file only the user can read (mode 0600): the host's
 * store, and the app's where the OS offers no keychain to Electron's safeStorage.
 */
export function keyFileSecrets(keyPath: string): Secrets {
  const readKey = (): Buffer => {
    const existing = readFileSync(keyPath);
    if (existing.length !== 32) {
      throw new Error(`The key file ${keyPath} is damaged (wrong length).`);
    }
    chmodSync(keyPath, 0o600);
    return existing;
  };
  let key: Buffer | null = existsSync(keyPath) ? readKey() : null;
  // Made when the first secret is stored, not at start: a start on a full disk must not fail
  // for a key nothing needs yet, nor leave a short key file that would fail every later start.
  const theKey = (): Buffer => {
    if (key) return key;
    makePrivateDir(dirname(keyPath));
    const fresh = randomBytes(32);
    try {
      writeFileSync(keyPath, fresh, { mode: 0o600, flag: 'wx' });
      key = fresh;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        rmSync(keyPath, { force: true });
        throw err;
      }
      key = readKey();
    }
    return key;
  };
  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', theKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([VERSION, iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      if (!data.subarray(0, VERSION.length).equals(VERSION))
        throw new Error('Unknown secret format.');
      const iv = data.subarray(VERSION.length, VERSION.length + IV_BYTES);
      const tag = data.subarray(VERSION.length + IV_BYTES, VERSION.length + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', theKey(), iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(data.subarray(VERSION.length + IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}
