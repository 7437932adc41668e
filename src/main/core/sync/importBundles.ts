import { newRowId } from '../db/rowId';
import { AppError } from '../../../shared/errors';
import type { Agent, BundleImportResult, MergeCounts } from '../../../shared/api/sync';
import type { Db } from '../db/open';
import { replacePendingReminder } from '../reminders/db/reminders';
import { pauseSearchIndex } from '../leads/db/searchSync';
import { pauseLogging } from './db/changeLog';
import {
  aliasLead,
  foldLeadInto,
  leadCallback,
  leadRowid,
  leadIdByPhone,
  releasePhone,
  resolveLeadId,
} from './db/leadMerge';
import {
  getRow,
  insertRow,
  isBuiltinStatus,
  productExists,
  specOf,
  tableInfo,
  tableSpecs,
  updateRow,
  withCache,
  type Row,
  type TableSpec,
} from './db/syncRows';
import { checkAgainstExisting, checkAssignmentScope } from './assignmentScope';
import { bundleError, readBundle, type ReadBundle } from './bundleFile';
import { checkSignature, fingerprint } from './bundleSignature';
import { writeTx } from '../db/writeTx';

const MERGE_CACHE_KIB = 64 * 1024;

/** A bundle on disk (an upload main keeps) and the name the user knows it by. */
export interface BundleSource {
  path: string;
  name: string;
}

export interface ImportContext {
  db: Db;
  schemaVersion: number;
  /** This install's agent: an assignment is only for the agent it names. */
  self: Agent | null;
  now: number;
  /** The label an admin gave a trusted signing key; null when this install does not trust it. */
  trustedLabel(publicKey: Buffer): string | null;
}

/** A checked bundle and, for an assignment, who signed it. */
interface Checked extends ReadBundle {
  signedBy: { fingerprint: string; label: string } | null;
}

/**
 * An assignment is a supervisor's word: it must be signed, unchanged since, by a key an admin
 * of this install trusts. The manifest's own SHA-256 proves nothing (anyone can recompute it).
 */
function checkSigner(ctx: ImportContext, b: ReadBundle): Checked {
  if (b.manifest.kind !== 'assignment') return { ...b, signedBy: null };
  const check = checkSignature(b.manifest as unknown as Record<string, unknown>);
  if (!check.ok) throw bundleError(b.name, check.problem);
  const label = ctx.trustedLabel(check.publicKey);
  const print = fingerprint(check.publicKey);
  if (label === null) {
    throw bundleError(b.name, 'untrusted_key', `key ${print}`, {
      fingerprint: print,
      publicKey: check.publicKey.toString('base64'),
      signerName: b.manifest.agent.name,
      signerCode: b.manifest.agent.code,
    });
  }
  return { ...b, signedBy: { fingerprint: print, label } };
}

/**
 * Reads and checks every bundle first, then merges them all in one transaction: a bad file
 * anywhere changes nothing. Merged rows are not logged as this install's own changes and keep
 * the agent who made them.
 */
export function importBundles(
  ctx: ImportContext,
  files: BundleSource[],
  only?: 'assignment',
): BundleImportResult[] {
  const read = files.map((f) => readBundle(f.path, ctx.schemaVersion, f.name));
  for (const b of read) {
    if (only && b.manifest.kind !== only) throw bundleError(b.name, 'not_assignment');
  }
  // Nothing of an assignment is looked at before its signer is known to be trusted.
  const bundles = read.map((b) => checkSigner(ctx, b));
  const types = new Map(tableSpecs.map((spec) => [spec.table, columnTypes(ctx.db, spec)]));
  for (const b of bundles) checkRecords(b, types);
  for (const b of bundles) {
    if (b.manifest.kind !== 'assignment') continue;
    const to = b.manifest.assignedTo;
    if (ctx.self === null || to?.code !== ctx.self.code) {
      throw bundleError(b.name, 'wrong_agent', `for ${to?.code ?? '?'}`);
    }
    checkAssignmentScope(b);
  }
  const { db } = ctx;
  return withCache(db, MERGE_CACHE_KIB, () =>
    writeTx(db, () => {
      pauseLogging(db, true);
      const search = pauseSearchIndex(db);
      const updatedLeads = new Set<string>();
      const results = bundles.map((b) => {
        try {
          return mergeBundle(ctx, b, updatedLeads);
        } catch (err) {
          if (err instanceof AppError) throw err;
          throw bundleError(b.name, 'corrupt', err instanceof Error ? err.message : String(err));
        }
      });
      search.resume(
        [...updatedLeads].map((id) => leadRowid(db, id)).filter((r) => r !== undefined),
      );
      pauseLogging(db, false);
      return results;
    }),
  );
}

type ColumnType = { column: string; type: string; notNull: boolean };

function columnTypes(db: Db, spec: TableSpec): ColumnType[] {
  const info = tableInfo(db, spec.table);
  return spec.columns.map((column) => {
    const c = info.find((i) => i.name === column);
    return { column, type: c?.type ?? 'ANY', notNull: c ? c.notnull === 1 || c.pk === 1 : false };
  });
}

const fits = (t: ColumnType, v: string | number | null): boolean => {
  if (v === null) return !t.notNull;
  if (t.type === 'INTEGER') return Number.isSafeInteger(v);
  if (t.type === 'REAL') return typeof v === 'number' && Number.isFinite(v);
  if (t.type === 'TEXT') return typeof v === 'string';
  return true;
};

/** Every record has exactly the columns of its table, each of the column's type. */
function checkRecords(b: ReadBundle, types: Map<string, ColumnType[]>): void {
  for (const r of b.records) {
    const spec = specOf(r.t);
    const row = r.row;
    const ok =
      Object.keys(row).length === spec.columns.length &&
      row[spec.key] === r.id &&
      types.get(r.t)!.every((t) => Object.hasOwn(row, t.column) && fits(t, row[t.column]!));
    if (!ok) throw bundleError(b.name, 'corrupt', `${r.t} ${r.id}`);
  }
}

function canonical(spec: TableSpec, row: Row): string {
  // The key is left out: two versions of one lead merged from two ids compare by content.
  return JSON.stringify(spec.columns.map((c) => (c === spec.key ? null : row[c])));
}

function rank(spec: TableSpec, row: Row): number {
  if (spec.rank === 'lww') return Number(row.updated_at);
  if (spec.rank === 'progress') return spec.columns.filter((c) => row[c] !== null).length;
  return 0;
}

/** True when `a` should replace `b` (see db/syncRows.ts for why this order). */
function wins(spec: TableSpec, a: Row, b: Row): boolean {
  const ra = rank(spec, a);
  const rb = rank(spec, b);
  if (ra !== rb) return ra > rb;
  return canonical(spec, a) > canonical(spec, b);
}

function mergeBundle(
  ctx: ImportContext,
  b: Checked,
  updatedLeads: Set<string>,
): BundleImportResult {
  const { db } = ctx;
  const assignment = b.manifest.kind === 'assignment';
  const counts: MergeCounts = {};
  const byTable = new Map<string, Row[]>();
  for (const r of b.records) {
    const list = byTable.get(r.t) ?? [];
    list.push(r.row);
    byTable.set(r.t, list);
  }
  const leadIds: string[] = [];
  for (const spec of tableSpecs) {
    const rows = byTable.get(spec.table) ?? [];
    const c = { added: 0, updated: 0 };
    counts[spec.table] = c;
    if (spec.table === 'statuses') {
      // Customer statuses first: outcomes may point at them.
      rows.sort((x, y) => Number(y.kind === 'customer') - Number(x.kind === 'customer'));
    }
    for (const incoming of rows) {
      if (spec.table === 'leads') {
        const outcome = mergeLead(db, spec, incoming, ctx.now);
        leadIds.push(outcome.id);
        if (outcome.change) c[outcome.change]++;
        if (outcome.change === 'updated') updatedLeads.add(outcome.id);
        continue;
      }
      const row = prepareRow(db, spec, incoming);
      if (row === null) continue;
      if (assignment && spec.table === 'statuses') {
        // A label of the list's history: this install's catalogue stays its admins'.
        if (getRow(db, spec, String(row.code))) continue;
        row.active = 0;
      }
      if (insertRow(db, spec, row)) {
        c.added++;
        continue;
      }
      const existing = getRow(db, spec, String(row[spec.key]))!;
      if (assignment) {
        checkAgainstExisting(b, ctx.self, spec, row, existing, wins(spec, row, existing));
      }
      if (wins(spec, row, existing)) {
        updateRow(db, spec, row);
        c.updated++;
      }
    }
  }
  followCallbacks(db, leadIds, ctx.now, assignment);
  return {
    fileName: b.name,
    bundleId: b.manifest.bundleId,
    kind: b.manifest.kind,
    agent: b.manifest.agent,
    createdAt: b.manifest.createdAt,
    counts,
    signedBy: b.signedBy,
  };
}

/** Adjusts a row to this database; null when it is not to be merged at all. */
function prepareRow(db: Db, spec: TableSpec, incoming: Row): Row | null {
  const row = { ...incoming };
  if (spec.lead && typeof row[spec.lead] === 'string') {
    row[spec.lead] = resolveLeadId(db, row[spec.lead] as string);
  }
  if (spec.table === 'statuses') {
    // Built-ins are each install's own (renamed, retimed locally); only custom ones travel.
    if (row.builtin !== 0 || isBuiltinStatus(db, String(row.code))) return null;
  }
  if (spec.table === 'order_items' && typeof row.product_id === 'string') {
    // Products are each install's catalogue; the item keeps its name and price either way.
    if (!productExists(db, row.product_id)) row.product_id = null;
  }
  return row;
}

/**
 * A lead is matched by id, then (through remembered merges) by an earlier duplicate's id, then
 * by number: two agents who added the same number made one customer. The smaller id is kept, so
 * the outcome does not depend on which bundle came first.
 */
function mergeLead(
  db: Db,
  spec: TableSpec,
  incoming: Row,
  now: number,
): { id: string; change: 'added' | 'updated' | null } {
  const target = resolveLeadId(db, String(incoming.id));
  const row: Row = { ...incoming, id: target };
  const existing = getRow(db, spec, target);
  if (existing) {
    if (!wins(spec, row, existing)) return { id: target, change: null };
    updateRow(db, spec, row);
    return { id: target, change: 'updated' };
  }
  const phone = row.phone_e164;
  const other = typeof phone === 'string' ? leadIdByPhone(db, phone) : undefined;
  if (other === undefined) {
    insertRow(db, spec, row);
    return { id: target, change: 'added' };
  }
  if (other < target) {
    aliasLead(db, target, other);
    const kept = getRow(db, spec, other)!;
    const merged = { ...row, id: other };
    if (!wins(spec, merged, kept)) return { id: other, change: null };
    updateRow(db, spec, merged);
    return { id: other, change: 'updated' };
  }
  const theirs: Row = { ...getRow(db, spec, other)!, id: target };
  releasePhone(db, other);
  insertRow(db, spec, wins(spec, theirs, row) ? theirs : row);
  foldLeadInto(db, other, target, now);
  return { id: target, change: 'updated' };
}

/**
 * Keeps this desk's reminders in step with the merged leads. An assignment's callbacks become
 * reminders in the agent's scheduler. Other agents' work never adds reminders here (a
 * supervisor is not to be woken by everyone's callbacks), but a local reminder for a callback
 * the lead no longer has (someone else called and moved it on) is cancelled.
 */
function followCallbacks(db: Db, leadIds: string[], now: number, arm: boolean): void {
  for (const id of new Set(leadIds)) {
    const cb = leadCallback(db, id);
    if (!cb) continue;
    const due = cb.nextAction === 'callback' ? cb.nextActionAt : null;
    if (due === cb.pendingAt || (!arm && cb.pendingAt === null)) continue;
    replacePendingReminder(db, {
      id: newRowId(),
      leadId: id,
      dispositionId: null,
      dueAt: arm ? due : null,
      now,
    });
  }
}
