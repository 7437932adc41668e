import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { SigningKeyView, TrustedKey } from '../../../shared/api/sync';
import {
  deleteTrustedKey,
  insertTrustedKey,
  listTrustedKeys,
  readSigningKey,
  writeSigningKey,
} from './db/bundleKeys';
import type { Db } from '../db/open';
import type { Log } from '../infra/log';
import type { Secrets } from '../infra/secrets';
import { decodePublicKey, fingerprint, rawPublicKey } from './bundleSignature';
import { writeTx } from '../db/writeTx';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: Buffer;
  createdAt: number;
}

function unseal(secrets: Secrets, stored: { privateKeyEnc: Buffer; publicKey: Buffer }) {
  const privateKey = createPrivateKey({
    key: Buffer.from(secrets.decrypt(stored.privateKeyEnc), 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  if (!rawPublicKey(createPublicKey(privateKey)).equals(stored.publicKey)) {
    throw new Error('the stored halves of the key pair do not match');
  }
  return privateKey;
}

/**
 * This install's key pair, made the first time it signs. The private half is kept encrypted by
 * the secrets store (Electron's safeStorage or the 0600 key file), like SIP passwords. If it can
 * no longer be decrypted (the database was copied to another computer without its key), a new
 * pair replaces it: agents' installs will then show a new fingerprint for an admin to confirm.
 */
export function ownSigningKey(db: Db, secrets: Secrets, now: number, log: Log): SigningKey {
  return writeTx(db, () => {
    const stored = readSigningKey(db);
    if (stored) {
      try {
        return {
          privateKey: unseal(secrets, stored),
          publicKey: stored.publicKey,
          createdAt: stored.createdAt,
        };
      } catch (err) {
        log.warn('the bundle signing key cannot be read; making a new one', {
          error: String(err),
        });
      }
    }
    const pair = generateKeyPairSync('ed25519');
    const publicKey = rawPublicKey(pair.publicKey);
    const der = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
    writeSigningKey(
      db,
      { publicKey, privateKeyEnc: secrets.encrypt(der.toString('base64')), createdAt: now },
      stored !== undefined,
    );
    log.info('bundle signing key made', { fingerprint: fingerprint(publicKey) });
    return { privateKey: pair.privateKey, publicKey, createdAt: now };
  });
}

export function signingKeyView(key: SigningKey): SigningKeyView {
  return {
    publicKey: key.publicKey.toString('base64'),
    fingerprint: fingerprint(key.publicKey),
    createdAt: key.createdAt,
  };
}

export function trustedKeys(db: Db): TrustedKey[] {
  return listTrustedKeys(db).map((k) => ({
    publicKey: k.publicKey.toString('base64'),
    fingerprint: fingerprint(k.publicKey),
    label: k.label,
    trustedAt: k.trustedAt,
  }));
}

function mustDecode(text: string): Buffer {
  const raw = decodePublicKey(text);
  if (raw === null) {
    throw new AppError('invalid_input', 'Not a LeadPhone public key.', {
      fields: [{ path: 'publicKey', key: 'public_key_invalid' }],
    });
  }
  return raw;
}

/** An admin pins a supervisor's key: assignments it signs are taken from now on. */
export function trustKey(
  db: Db,
  input: { publicKey: string; label: string },
  now: number,
  log: Log,
): TrustedKey {
  const raw = mustDecode(input.publicKey);
  insertTrustedKey(db, { publicKey: raw, label: input.label, trustedAt: now });
  log.info('bundle signing key trusted', { fingerprint: fingerprint(raw) });
  const text = raw.toString('base64');
  return trustedKeys(db).find((k) => k.publicKey === text)!;
}

export function untrustKey(db: Db, publicKey: string, log: Log): void {
  const raw = mustDecode(publicKey);
  if (!deleteTrustedKey(db, raw)) throw new AppError('not_found', 'This key is not trusted here.');
  log.info('bundle signing key no longer trusted', { fingerprint: fingerprint(raw) });
}
