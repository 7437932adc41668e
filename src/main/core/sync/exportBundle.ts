import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { Agent, BundleSummary, LeadSelection } from '../../../shared/api/sync';
import type { Db } from '../db/open';
import { compactChangeLog, lastChangeSeq, readMark, writeMark } from './db/changeLog';
import { pickAll, pickChangedSince, pickLeads, pickedRows } from './db/picks';
import { tableSpecs } from './db/syncRows';
import { BodyWriter, BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, writeBundle } from './bundleFile';
import { fingerprint, signManifest } from './bundleSignature';
import type { SigningKey } from './signingKey';
import { writeTx } from '../db/writeTx';

export const EXPORTED_SEQ = 'exported_seq';
export const EXPORTED_AT = 'exported_at';

export interface ExportContext {
  db: Db;
  agent: Agent;
  appVersion: string;
  schemaVersion: number;
  now: number;
}

function bodyOfPicked(db: Db): BodyWriter {
  const body = new BodyWriter();
  for (const spec of tableSpecs) {
    for (const row of pickedRows(db, spec)) {
      const agent = spec.agent ? row[spec.agent] : null;
      const at = spec.time ? row[spec.time] : null;
      body.add({
        t: spec.table,
        id: String(row[spec.key]),
        agent: typeof agent === 'string' ? agent : null,
        at: typeof at === 'number' ? at : null,
        row,
      });
    }
  }
  return body;
}

/**
 * The agent's work: everything changed since the last bundle (by the change log's sequence, so
 * a clock set back loses nothing), or everything. The watermark moves only once the file is
 * written.
 */
export function exportWork(ctx: ExportContext, since: 'last' | 'all', path: string): BundleSummary {
  const { db } = ctx;
  const { summary, upTo } = db.transaction(() => {
    const upTo = lastChangeSeq(db);
    const sinceSeq = since === 'last' ? (readMark(db, EXPORTED_SEQ) ?? 0) : null;
    if (sinceSeq === null) pickAll(db);
    else pickChangedSince(db, sinceSeq);
    const body = bodyOfPicked(db);
    return { summary: write(ctx, path, body, 'work', null, sinceSeq), upTo };
  })();
  // Either way the next "since the last bundle" starts here.
  writeTx(db, () => {
    writeMark(db, EXPORTED_SEQ, upTo);
    writeMark(db, EXPORTED_AT, ctx.now);
    compactChangeLog(db, upTo);
  });
  return summary;
}

/**
 * A supervisor's lead list for one agent: the chosen leads with all their history, signed with
 * this install's key (the agent's install takes it only from a key its admin trusts).
 */
export function exportAssignment(
  ctx: ExportContext,
  filter: LeadSelection,
  agentCode: string,
  path: string,
  key: SigningKey,
): BundleSummary {
  const { db } = ctx;
  return db.transaction(() => {
    pickLeads(db, filter);
    return write(ctx, path, bodyOfPicked(db), 'assignment', { code: agentCode }, null, key);
  })();
}

function write(
  ctx: ExportContext,
  path: string,
  body: BodyWriter,
  kind: 'work' | 'assignment',
  assignedTo: { code: string } | null,
  sinceSeq: number | null,
  key?: SigningKey,
): BundleSummary {
  const { manifest, bytes } = writeBundle(
    path,
    {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      bundleId: randomUUID(),
      kind,
      agent: ctx.agent,
      assignedTo,
      appVersion: ctx.appVersion,
      schemaVersion: ctx.schemaVersion,
      createdAt: ctx.now,
      sinceSeq,
    },
    body,
    key && ((m) => signManifest(m, key.privateKey, key.publicKey)),
  );
  return {
    bundleId: manifest.bundleId,
    kind,
    path,
    fileName: basename(path),
    bytes,
    from: manifest.timeRange.from,
    to: manifest.timeRange.to,
    counts: manifest.counts,
    signedBy: key ? { fingerprint: fingerprint(key.publicKey) } : null,
  };
}
