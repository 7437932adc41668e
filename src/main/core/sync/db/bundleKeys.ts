import type { Db } from '../../db/open';

/** This install's own signing key, as stored (the private half encrypted). */
export interface StoredSigningKey {
  publicKey: Buffer;
  privateKeyEnc: Buffer;
  createdAt: number;
}

export interface TrustedKeyRow {
  publicKey: Buffer;
  label: string;
  trustedAt: number;
}

export function readSigningKey(db: Db): StoredSigningKey | undefined {
  const r = db
    .prepare('SELECT public_key, private_key_enc, created_at FROM signing_key WHERE one = 1')
    .get() as { public_key: Buffer; private_key_enc: Buffer; created_at: number } | undefined;
  return (
    r && { publicKey: r.public_key, privateKeyEnc: r.private_key_enc, createdAt: r.created_at }
  );
}

/** Stores the key pair; replaces one only when told to (its private half could not be read). */
export function writeSigningKey(db: Db, key: StoredSigningKey, replace: boolean): void {
  db.prepare(
    `INSERT INTO signing_key (one, public_key, private_key_enc, created_at) VALUES (1, ?, ?, ?)
     ${replace ? 'ON CONFLICT (one) DO UPDATE SET public_key = excluded.public_key, private_key_enc = excluded.private_key_enc, created_at = excluded.created_at' : ''}`,
  ).run(key.publicKey, key.privateKeyEnc, key.createdAt);
}

export function listTrustedKeys(db: Db): TrustedKeyRow[] {
  return (
    db
      .prepare('SELECT public_key, label, trusted_at FROM trusted_keys ORDER BY trusted_at, label')
      .all() as { public_key: Buffer; label: string; trusted_at: number }[]
  ).map((r) => ({ publicKey: r.public_key, label: r.label, trustedAt: r.trusted_at }));
}

/** The label an admin gave the key; null when it is not trusted here. */
export function trustedKeyLabel(db: Db, publicKey: Buffer): string | null {
  return (
    (db.prepare('SELECT label FROM trusted_keys WHERE public_key = ?').pluck().get(publicKey) as
      string | undefined) ?? null
  );
}

/** Trusting a key again keeps when it was first trusted and takes the new label. */
export function insertTrustedKey(db: Db, key: TrustedKeyRow): void {
  db.prepare(
    `INSERT INTO trusted_keys (public_key, label, trusted_at) VALUES (?, ?, ?)
     ON CONFLICT (public_key) DO UPDATE SET label = excluded.label`,
  ).run(key.publicKey, key.label, key.trustedAt);
}

export function deleteTrustedKey(db: Db, publicKey: Buffer): boolean {
  return db.prepare('DELETE FROM trusted_keys WHERE public_key = ?').run(publicKey).changes > 0;
}
