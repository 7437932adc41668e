import { createHash, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { signManifest } from '../../src/main/core/sync/bundleSignature';

/*
 * What someone with a bundle file and a text editor can do: open it, change the manifest and
 * the records, and write it back with the checksum, lengths and counts made right again. A
 * signature is kept as it was, dropped, or made with a key the editor holds.
 */

export type Rec = {
  t: string;
  id: string;
  agent: string | null;
  at: number | null;
  row: Record<string, string | number | null>;
};

export interface Unpacked {
  manifest: Record<string, unknown>;
  records: Rec[];
}

export function unpack(path: string): Unpacked {
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  const nl = text.indexOf('\n');
  return {
    manifest: JSON.parse(text.slice(0, nl)) as Record<string, unknown>,
    records: text
      .slice(nl + 1)
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Rec),
  };
}

export type Signing = 'keep' | 'drop' | { privateKey: KeyObject; publicKey: Buffer };

export function repack(to: string, u: Unpacked, signing: Signing): void {
  const body = Buffer.from(u.records.map((r) => `${JSON.stringify(r)}\n`).join(''), 'utf8');
  const counts: Record<string, number> = {};
  for (const r of u.records) counts[r.t] = (counts[r.t] ?? 0) + 1;
  const manifest: Record<string, unknown> = {
    ...u.manifest,
    counts,
    body: {
      sha256: createHash('sha256').update(body).digest('hex'),
      bytes: body.length,
      records: u.records.length,
    },
  };
  if (signing === 'drop') delete manifest.signature;
  else if (signing !== 'keep') {
    delete manifest.signature;
    manifest.signature = signManifest(manifest, signing.privateKey, signing.publicKey);
  }
  writeFileSync(to, gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(manifest)}\n`), body])));
}

/** Unpacks `from`, lets the caller change it, and writes the result to `to`. */
export function edit(
  from: string,
  to: string,
  signing: Signing,
  change: (u: Unpacked) => void,
): void {
  const u = unpack(from);
  change(u);
  repack(to, u, signing);
}
