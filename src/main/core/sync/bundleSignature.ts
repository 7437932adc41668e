import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/*
 * An assignment bundle's manifest is signed with Ed25519 by the install that made it. The
 * manifest holds the body's SHA-256, length and record count, so signing the manifest signs
 * the whole file; a SHA-256 alone proves nothing, since whoever edits a file can recompute it.
 *
 * What is signed is a fixed prefix and the manifest without its `signature`, as canonical JSON
 * (keys sorted at every level, no spaces): the reader re-serialises what it parsed, so neither
 * key order nor spacing in the file matters, and a field added, removed or changed anywhere in
 * the manifest breaks the signature.
 */

export const SIGNATURE_ALGORITHM = 'ed25519';
const SIGNED_PREFIX = 'LeadPhone assignment bundle v1\n';
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;

export interface BundleSignature {
  algorithm: typeof SIGNATURE_ALGORITHM;
  /** The signer's public key: its 32 raw bytes in base64. */
  publicKey: string;
  /** The 64-byte Ed25519 signature in base64. */
  value: string;
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function signedBytes(manifest: object): Buffer {
  const { signature: _, ...rest } = manifest as Record<string, unknown>;
  return Buffer.from(`${SIGNED_PREFIX}${canonicalJson(rest)}`, 'utf8');
}

/** The key as node:crypto takes it, from its raw bytes. */
export function publicKeyObject(raw: Buffer): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
}

export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url');
}

/**
 * What a person compares: the first 80 bits of the key's SHA-256 in five groups of four hex
 * digits (`7F3A 91C2 0B44 E5D8 12AF`), short enough to read out over the phone. Making another
 * key with the same fingerprint takes about 2^80 tries.
 */
export function fingerprint(raw: Buffer): string {
  const hex = createHash('sha256').update(raw).digest('hex').slice(0, 20).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

/** Decodes a key written as base64 text; null when it is not 32 bytes of base64. */
export function decodePublicKey(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(text)) return null;
  const raw = Buffer.from(text, 'base64');
  // One text per key: the unused low bits of the last digit must be zero.
  return raw.length === PUBLIC_KEY_BYTES && raw.toString('base64') === text ? raw : null;
}

export function signManifest(
  manifest: object,
  privateKey: KeyObject,
  publicKey: Buffer,
): BundleSignature {
  return {
    algorithm: SIGNATURE_ALGORITHM,
    publicKey: publicKey.toString('base64'),
    value: sign(null, signedBytes(manifest), privateKey).toString('base64'),
  };
}

export type SignatureCheck =
  { ok: true; publicKey: Buffer } | { ok: false; problem: 'unsigned' | 'bad_signature' };

/** Checks that the manifest was signed, as it is, by the key it names (not whether to trust it). */
export function checkSignature(manifest: Record<string, unknown>): SignatureCheck {
  const s = manifest.signature;
  if (s === undefined || s === null) return { ok: false, problem: 'unsigned' };
  if (typeof s !== 'object' || Array.isArray(s)) return { ok: false, problem: 'bad_signature' };
  const { algorithm, publicKey, value } = s as Record<string, unknown>;
  if (algorithm !== SIGNATURE_ALGORITHM || typeof publicKey !== 'string') {
    return { ok: false, problem: 'bad_signature' };
  }
  const raw = decodePublicKey(publicKey);
  if (raw === null || typeof value !== 'string') return { ok: false, problem: 'bad_signature' };
  const sig = Buffer.from(value, 'base64');
  if (sig.length !== SIGNATURE_BYTES || sig.toString('base64') !== value) {
    return { ok: false, problem: 'bad_signature' };
  }
  try {
    if (verify(null, signedBytes(manifest), publicKeyObject(raw), sig)) {
      return { ok: true, publicKey: raw };
    }
  } catch {
    // A key that is not a curve point, say: as bad as a wrong signature.
  }
  return { ok: false, problem: 'bad_signature' };
}
