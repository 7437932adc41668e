import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { AppError } from '../../../shared/errors';
import { isNoRoomError } from '../infra/diskSpace';
import { bundleTables, type Agent, type BundleTable } from '../../../shared/api/sync';
import type { Row } from './db/syncRows';
import type { BundleSignature } from './bundleSignature';
import { PRIVATE_FILE_MODE } from '../infra/privateFiles';

/*
 * A bundle file is gzip of JSON Lines:
 *   line 1    the manifest (format, version, who, when, counts, SHA-256 of the body)
 *   line 2…   the body: one record per line, {"t": table, "id", "agent", "at", "row": {...}}
 *
 * Records are whole rows keyed by their stable ids (UUIDs, or a custom status's code) with the
 * agent who made them and their time: a change log that a merge applies idempotently, and that
 * a central PostgreSQL server could later take as it is (same ids, same merge rules).
 */

export const BUNDLE_FORMAT = 'leadphone-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
/** Refused before reading: far beyond what a team's month of work makes. */
export const BUNDLE_MAX_BYTES = 1024 * 1024 * 1024;

export interface BundleRecord {
  t: BundleTable;
  id: string;
  agent: string | null;
  at: number | null;
  row: Row;
}

export interface Manifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  bundleId: string;
  kind: 'work' | 'assignment';
  agent: Agent;
  /** For an assignment: the agent it is meant for. */
  assignedTo: { code: string } | null;
  appVersion: string;
  schemaVersion: number;
  createdAt: number;
  /** "Since the last bundle": the change-log sequence it started after (null: everything). */
  sinceSeq: number | null;
  timeRange: { from: number | null; to: number | null };
  counts: Partial<Record<BundleTable, number>>;
  body: { sha256: string; bytes: number; records: number };
  /** An assignment's Ed25519 signature over the rest of the manifest (bundleSignature.ts). */
  signature?: BundleSignature;
}

export type BundleProblem =
  | 'unreadable'
  | 'too_large'
  | 'foreign'
  | 'truncated'
  | 'corrupt'
  | 'checksum'
  | 'too_new'
  | 'wrong_agent'
  | 'not_assignment'
  | 'unsigned'
  | 'bad_signature'
  | 'untrusted_key'
  | 'outside_assignment';

const explain: Record<BundleProblem, string> = {
  unreadable: 'the file cannot be read',
  too_large: 'the file is too large to be a LeadPhone bundle',
  foreign: 'this is not a LeadPhone bundle',
  truncated: 'the file is incomplete (cut off while copying?)',
  corrupt: 'the file is damaged',
  checksum: 'the checksum does not match: the file was changed or damaged',
  too_new: 'the bundle was made by a newer LeadPhone; update this one',
  wrong_agent: 'this lead list was assigned to another agent',
  not_assignment: 'this is an agent’s work, not a lead list; a supervisor imports it',
  unsigned: 'this lead list is not signed by a supervisor’s LeadPhone',
  bad_signature:
    'the supervisor’s signature does not match: the file was changed after it was signed',
  untrusted_key:
    'this lead list is signed with a key this LeadPhone does not trust; an admin must confirm the supervisor’s key first',
  outside_assignment: 'a lead list may carry only its leads and their history',
};

/** `file` is the name the user knows the file by (an upload's own name, not where main keeps it). */
export function bundleError(
  file: string,
  problem: BundleProblem,
  detail?: string,
  data: Record<string, string | number | boolean | null> = {},
): AppError {
  return new AppError(
    'bundle_invalid',
    `${file}: ${explain[problem]}${detail ? ` (${detail})` : ''}. Nothing was imported.`,
    { data: { ...data, reason: problem, file } },
  );
}

/** Collects a body line by line, hashing as it goes. */
export class BodyWriter {
  private readonly chunks: string[] = [];
  private pending: string[] = [];
  records = 0;
  counts: Partial<Record<BundleTable, number>> = {};
  from: number | null = null;
  to: number | null = null;

  add(r: BundleRecord): void {
    this.pending.push(JSON.stringify(r));
    if (this.pending.length >= 2000) this.flush();
    this.records++;
    this.counts[r.t] = (this.counts[r.t] ?? 0) + 1;
    if (r.at !== null) {
      if (this.from === null || r.at < this.from) this.from = r.at;
      if (this.to === null || r.at > this.to) this.to = r.at;
    }
  }

  private flush(): void {
    if (this.pending.length > 0) this.chunks.push(`${this.pending.join('\n')}\n`);
    this.pending = [];
  }

  body(): Buffer {
    this.flush();
    return Buffer.from(this.chunks.join(''), 'utf8');
  }
}

/** Writes a bundle atomically (temp file, then rename): a crash never leaves half a file. */
export function writeBundle(
  path: string,
  manifest: Omit<Manifest, 'body' | 'counts' | 'timeRange' | 'signature'>,
  body: BodyWriter,
  /** Signs the finished manifest (assignments). */
  sign?: (manifest: Manifest) => BundleSignature,
): { manifest: Manifest; bytes: number } {
  checkAbsolute(path);
  const bytes = body.body();
  const full: Manifest = {
    ...manifest,
    timeRange: { from: body.from, to: body.to },
    counts: body.counts,
    body: {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      records: body.records,
    },
  };
  if (sign) full.signature = sign(full);
  const file = gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(full)}\n`, 'utf8'), bytes]));
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    writeFileSync(temp, file, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    // A full disk is said as such (the core goes read-only), not as a folder that refuses files.
    if (isNoRoomError(err)) throw err;
    throw new AppError('invalid_input', `Cannot write ${basename(path)}: ${String(err)}`, {
      fields: [{ path: 'fileName', key: 'path_unwritable' }],
    });
  }
  return { manifest: full, bytes: file.length };
}

function checkAbsolute(path: string): void {
  if (!isAbsolute(path) || path.includes('\0')) {
    throw new AppError('invalid_input', 'The path must be absolute.', {
      fields: [{ path: 'path', key: 'path_not_absolute' }],
    });
  }
}

export interface ReadBundle {
  path: string;
  /** The file's name on the user's side, for messages and results. */
  name: string;
  manifest: Manifest;
  records: BundleRecord[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads and checks a whole bundle before anything is written: a damaged, cut-off, altered or
 * foreign file is refused here with the reason.
 */
export function readBundle(
  path: string,
  schemaVersion: number,
  name: string = basename(path),
): ReadBundle {
  checkAbsolute(path);
  let raw: Buffer;
  try {
    const stat = statSync(path);
    // Never a device or a pipe (/dev/zero would be read for ever).
    if (!stat.isFile()) throw bundleError(name, 'unreadable', 'not a file');
    if (stat.size > BUNDLE_MAX_BYTES) throw bundleError(name, 'too_large');
    raw = readFileSync(path);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw bundleError(name, 'unreadable', (err as NodeJS.ErrnoException).code);
  }
  if (raw.length < 2 || raw[0] !== 0x1f || raw[1] !== 0x8b) throw bundleError(name, 'foreign');
  let text: Buffer;
  try {
    text = gunzipSync(raw);
  } catch (err) {
    const cut = /unexpected end/i.test(String(err));
    throw bundleError(name, cut ? 'truncated' : 'corrupt');
  }
  const nl = text.indexOf(0x0a);
  if (nl < 0) throw bundleError(name, 'foreign');
  let manifest: unknown;
  try {
    manifest = JSON.parse(text.subarray(0, nl).toString('utf8'));
  } catch {
    throw bundleError(name, 'foreign');
  }
  if (!isObject(manifest) || manifest.format !== BUNDLE_FORMAT) throw bundleError(name, 'foreign');
  const m = manifest as unknown as Manifest;
  if (typeof m.formatVersion !== 'number' || m.formatVersion > BUNDLE_FORMAT_VERSION) {
    throw bundleError(name, 'too_new', `format ${String(m.formatVersion)}`);
  }
  if (typeof m.schemaVersion !== 'number' || m.schemaVersion > schemaVersion) {
    throw bundleError(name, 'too_new', `schema ${String(m.schemaVersion)}`);
  }
  if (!isManifest(m)) throw bundleError(name, 'corrupt', 'manifest');
  const body = text.subarray(nl + 1);
  if (body.length !== m.body.bytes) throw bundleError(name, 'truncated');
  if (createHash('sha256').update(body).digest('hex') !== m.body.sha256) {
    throw bundleError(name, 'checksum');
  }
  const records = parseBody(name, body);
  const counts: Partial<Record<BundleTable, number>> = {};
  for (const r of records) counts[r.t] = (counts[r.t] ?? 0) + 1;
  if (
    records.length !== m.body.records ||
    bundleTables.some((t) => (counts[t] ?? 0) !== (m.counts[t] ?? 0))
  ) {
    throw bundleError(name, 'corrupt', 'counts');
  }
  return { path, name, manifest: m, records };
}

function isManifest(m: Manifest): boolean {
  return (
    typeof m.bundleId === 'string' &&
    (m.kind === 'work' || m.kind === 'assignment') &&
    isObject(m.agent) &&
    typeof m.agent.id === 'string' &&
    typeof m.agent.code === 'string' &&
    typeof m.agent.name === 'string' &&
    (m.assignedTo === null || (isObject(m.assignedTo) && typeof m.assignedTo.code === 'string')) &&
    typeof m.createdAt === 'number' &&
    isObject(m.counts) &&
    isObject(m.body) &&
    typeof m.body.sha256 === 'string' &&
    typeof m.body.bytes === 'number' &&
    typeof m.body.records === 'number'
  );
}

const tableSet = new Set<string>(bundleTables);

function parseBody(name: string, body: Buffer): BundleRecord[] {
  const records: BundleRecord[] = [];
  let start = 0;
  while (start < body.length) {
    let end = body.indexOf(0x0a, start);
    if (end < 0) end = body.length;
    if (end > start) {
      let r: unknown;
      try {
        r = JSON.parse(body.toString('utf8', start, end));
      } catch {
        throw bundleError(name, 'corrupt', `record ${records.length + 1}`);
      }
      if (!isRecord(r)) throw bundleError(name, 'corrupt', `record ${records.length + 1}`);
      records.push(r);
    }
    start = end + 1;
  }
  return records;
}

function isRecord(r: unknown): r is BundleRecord {
  if (!isObject(r) || typeof r.t !== 'string' || !tableSet.has(r.t)) return false;
  if (typeof r.id !== 'string' || r.id.length === 0 || r.id.length > 200) return false;
  if (!isObject(r.row)) return false;
  for (const v of Object.values(r.row)) {
    if (v !== null && typeof v !== 'string' && typeof v !== 'number') return false;
  }
  return true;
}
