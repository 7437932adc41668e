import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
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
  let key: Buffer;
  if (existsSync(keyPath)) {
    key = readFileSync(keyPath);
    if (key.length !== 32) throw new Error(`The key file ${keyPath} is damaged (wrong length).`);
  } else {
    makePrivateDir(dirname(keyPath));
    key = randomBytes(32);
    writeFileSync(keyPath, key, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(keyPath, 0o600);
  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([VERSION, iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      if (!data.subarray(0, VERSION.length).equals(VERSION))
        throw new Error('Unknown secret format.');
      const iv = data.subarray(VERSION.length, VERSION.length + IV_BYTES);
      const tag = data.subarray(VERSION.length + IV_BYTES, VERSION.length + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(data.subarray(VERSION.length + IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}
