import { createHash } from 'node:crypto';
import type { Role } from '../../shared/roles';
import { tableSpecs, specOf, type Row, type SyncTable } from '../../shared/sync/tables';
import type { PushRequest, PushResponse, Refusal, SyncRecord } from '../../shared/team/protocol';
import { stagesAfter } from '../../shared/workflow';
import type { RuleKind } from '../../shared/catalogue';
import { agentByCode } from '../db/agents';
import { inWriteTx, type Db, type Tx } from '../db/pool';
import { catalogueRules } from '../db/statuses';
import {
  addAlias,
  everOwned,
  getRow,
  insertRow,
  leadIdByPhone,
  lockLead,
  notifyChanges,
  orderLeadId,
  resolveLeadId,
  storedBatch,
  touchLead,
  storeBatch,
  updateRow,
  type LeadState,
} from '../db/syncRows';
import { HttpError } from '../http/httpError';

export interface Pusher {
  deviceId: string;
  agentId: string;
  role: Role;
}

const tableOrder = new Map(tableSpecs.map((s, i) => [s.table, i]));

/** What one push changed, for the nudges: whose leads, and the newest sequence. */
interface Effects {
  owners: Set<string>;
  wrote: boolean;
}

const forged = (what: string) =>
  new HttpError(
    'forbidden_change',
    'This batch changes something its device may not change; nothing in it was written.',
    what,
  );

/**
 * Applies one batch of a device's changes in one transaction. A (device, batch) pair is
 * applied once: a repeat gets the first answer and writes nothing. What the agent may not do at
 * all (another agent's lead, rows in another agent's name, the catalogue) refuses the whole
 * batch with `forbidden_change`; what the team did meanwhile (the lead moved on, its folder
 * changed, the number belongs to another lead) refuses just that record, with a reason the app
 * shows. History (calls, outcomes, notes) of a lead the agent may touch is always kept.
 */
export async function applyPush(
  db: Db,
  who: Pusher,
  req: PushRequest,
  now: number,
): Promise<PushResponse> {
  return inWriteTx(db, async (tx) => {
    const requestHash = createHash('sha256').update(JSON.stringify(req.records)).digest();
    const before = await storedBatch(tx, who.deviceId, req.batch);
    if (before !== undefined) {
      if (!before.requestHash.equals(requestHash)) {
        throw new HttpError(
          'batch_conflict',
          'This batch number was used before for other changes; nothing was written.',
        );
      }
      return { ...(before.response as PushResponse), replay: true };
    }

    const ctx: PushContext = {
      tx,
      who,
      refused: [],
      applied: 0,
      effects: { owners: new Set([who.agentId]), wrote: false },
      rules: await catalogueRules(tx),
      initial: req.initial === true,
      refusedLeads: new Set(),
      outcomesByLead: new Map(),
      leads: new Map(),
    };
    const records = [...req.records].sort((a, b) => tableOrder.get(a.t)! - tableOrder.get(b.t)!);
    for (const r of records) {
      if (r.t === 'dispositions') {
        const list = ctx.outcomesByLead.get(String(r.row.lead_id)) ?? [];
        list.push(r.row);
        ctx.outcomesByLead.set(String(r.row.lead_id), list);
      }
    }
    for (const r of records) await applyRecord(ctx, r);

    const response: PushResponse = {
      batch: req.batch,
      applied: ctx.applied,
      refused: ctx.refused,
      replay: false,
    };
    await storeBatch(tx, who.deviceId, req.batch, requestHash, response, now);
    if (ctx.effects.wrote) await notifyChanges(tx, { agents: [...ctx.effects.owners] });
    return response;
  });
}

interface PushContext {
  tx: Tx;
  who: Pusher;
  refused: Refusal[];
  applied: number;
  effects: Effects;
  rules: Map<string, { kind: string; stage: string | null; rule: RuleKind }>;
  /** An install's first upload (PushRequest.initial). */
  initial: boolean;
  /** Leads whose own record was refused: their outcomes in this batch do not move them. */
  refusedLeads: Set<string>;
  outcomesByLead: Map<string, Row[]>;
  /**
   * The leads this batch's history rows point at, resolved and locked once: the lock holds to
   * the end of the transaction, and the lead records (applied before any history) are done.
   */
  leads: Map<string, Promise<{ id: string; aliased: boolean; lead: LeadState | undefined }>>;
}

/** A lead a history row names, through its alias, locked (once per batch). */
function lockedLead(ctx: PushContext, givenId: string) {
  let found = ctx.leads.get(givenId);
  if (!found) {
    found = (async () => {
      const resolved = await resolveLeadId(ctx.tx, givenId);
      return { ...resolved, lead: await lockLead(ctx.tx, resolved.id) };
    })();
    ctx.leads.set(givenId, found);
  }
  return found;
}

function refuse(
  ctx: PushContext,
  t: SyncTable,
  id: string,
  reason: Refusal['reason'],
  leadId?: string,
) {
  ctx.refused.push(leadId === undefined ? { t, id, reason } : { t, id, reason, leadId });
}

async function applyRecord(ctx: PushContext, rec: SyncRecord): Promise<void> {
  switch (rec.t) {
    case 'agents':
      return applyAgent(ctx, rec.row);
    case 'statuses':
      return applyStatus(ctx, rec.row);
    case 'leads':
      return applyLead(ctx, rec.row);
    case 'order_items':
      return applyOrderItem(ctx, rec.row);
    default:
      return applyHistory(ctx, rec.t, rec.row);
  }
}

/** People come from enrolment; a supervisor's or admin's first push may bring ones it knew. */
async function applyAgent(ctx: PushContext, row: Row): Promise<void> {
  const { tx, who } = ctx;
  const existing = await getRow(tx, specOf('agents'), String(row.id));
  if (existing) return;
  if (who.role === 'agent') {
    // People are enrolled, not pushed; a first upload may name some the install knew.
    if (ctx.initial) return;
    throw forged('an agent record');
  }
  // Someone known from bundles, who has not enrolled: an agent until an admin says otherwise.
  if (await agentByCode(tx, String(row.code))) return;
  await insertRow(tx, specOf('agents'), row, { role: 'agent' });
  ctx.applied++;
  ctx.effects.wrote = true;
}

/** The catalogue is the admins': an agent's copy of an entry must match the team's. */
async function applyStatus(ctx: PushContext, row: Row): Promise<void> {
  const { tx, who } = ctx;
  const spec = specOf('statuses');
  const existing = await getRow(tx, spec, String(row.code));
  if (who.role !== 'admin') {
    if (existing) return;
    if (who.role === 'agent') {
      if (ctx.initial) return refuse(ctx, 'statuses', String(row.code), 'not_yours');
      throw forged(`status ${String(row.code)}`);
    }
  }
  if (existing ? await updateRow(tx, spec, row) : await insertRow(tx, spec, row)) {
    ctx.applied++;
    ctx.effects.wrote = true;
    const rule = row.rule as RuleKind;
    ctx.rules.set(String(row.code), {
      kind: String(row.kind),
      stage: row.stage as string | null,
      rule,
    });
  }
}

async function applyLead(ctx: PushContext, row: Row): Promise<void> {
  const { tx, who } = ctx;
  const spec = specOf('leads');
  const givenId = String(row.id);
  const { id } = await resolveLeadId(tx, givenId);
  const lead = await lockLead(tx, id);
  if (!lead) {
    // A new lead. Its number may already be another lead's: the team keeps one lead per number.
    const phone = row.phone_e164 as string | null;
    const other = phone ? await leadIdByPhone(tx, phone) : undefined;
    if (other !== undefined) {
      await addAlias(tx, givenId, other);
      ctx.refusedLeads.add(givenId);
      return refuse(ctx, 'leads', givenId, 'duplicate_number', other);
    }
    await insertRow(tx, spec, row, {
      owner_agent_id: who.role === 'agent' ? who.agentId : null,
    });
    ctx.applied++;
    ctx.effects.wrote = true;
    return;
  }
  if (who.role === 'agent' && lead.owner !== who.agentId) {
    if (await everOwned(tx, id, who.agentId)) {
      ctx.refusedLeads.add(givenId);
      return refuse(ctx, 'leads', givenId, 'lead_reassigned');
    }
    if (!ctx.initial) throw forged(`lead ${givenId}`);
    ctx.refusedLeads.add(givenId);
    return refuse(ctx, 'leads', givenId, 'not_yours');
  }
  // The outcomes recorded with this change must start from the folder the lead is in here.
  const outcomes = (ctx.outcomesByLead.get(givenId) ?? []).filter(
    (d) => d.stage_before !== undefined,
  );
  const fresh = [];
  for (const d of outcomes) {
    if (!(await getRow(tx, specOf('dispositions'), String(d.id)))) fresh.push(d);
  }
  fresh.sort((a, b) => Number(a.created_at) - Number(b.created_at));
  let stage = lead.stage;
  for (const d of fresh) {
    const rule = ctx.rules.get(String(d.status_code));
    const valid =
      d.stage_before === stage &&
      rule !== undefined &&
      rule.kind === 'outcome' &&
      rule.stage === stage &&
      stagesAfter(rule.rule, stage as 'new' | 'contact' | 'order').includes(
        d.stage_after as 'new' | 'contact' | 'order',
      );
    if (!valid) return refuseStale(ctx, givenId, id);
    stage = String(d.stage_after);
  }
  if (fresh.length > 0 && row.stage !== stage) return refuseStale(ctx, givenId, id);
  if (await updateRow(tx, spec, { ...row, id })) {
    ctx.applied++;
    ctx.effects.wrote = true;
    if (lead.owner) ctx.effects.owners.add(lead.owner);
  }
}

/**
 * The agent's copy of the lead is behind the team's: their edit is refused, and the lead is
 * marked changed so their next pull brings the team's version back over their copy.
 */
async function refuseStale(ctx: PushContext, givenId: string, id: string): Promise<void> {
  await touchLead(ctx.tx, id);
  ctx.refusedLeads.add(givenId);
  ctx.effects.wrote = true;
  refuse(ctx, 'leads', givenId, 'stage_changed');
}

/**
 * Calls, outcomes, orders, notes, customer-status changes: what happened. An agent writes them
 * only in their own name and only for leads they hold or held.
 */
async function applyHistory(ctx: PushContext, t: SyncTable, row: Row): Promise<void> {
  const { tx, who } = ctx;
  const spec = specOf(t);
  const id = String(row[spec.key]);
  const agent = spec.agent ? (row[spec.agent] as string | null) : null;
  if (who.role === 'agent' && agent !== null && agent !== who.agentId) {
    // A first upload carries what others did on leads this install was given: the team has it.
    if (ctx.initial) return refuse(ctx, t, id, 'not_yours');
    throw forged(`${t} ${id} in another agent's name`);
  }
  let leadId: string | null = spec.lead ? (row[spec.lead] as string | null) : null;
  if (leadId !== null) {
    const resolved = await lockedLead(ctx, leadId);
    leadId = resolved.id;
    const { lead } = resolved;
    if (!lead) return refuse(ctx, t, id, 'lead_unknown');
    if (
      who.role === 'agent' &&
      lead.owner !== who.agentId &&
      !resolved.aliased &&
      // A first upload brings the agent's own history of leads the team gave to others.
      !(ctx.initial && agent === who.agentId) &&
      !(await everOwned(tx, leadId, who.agentId))
    ) {
      throw forged(`${t} ${id} of another agent's lead`);
    }
    if (lead.owner) ctx.effects.owners.add(lead.owner);
  }
  const written = { ...row, ...(spec.lead ? { [spec.lead]: leadId } : {}) };
  // Most history is new: try the insert first, and read the stored row only when it was there.
  let changed = await insertRow(tx, spec, written);
  const existing = changed ? undefined : await getRow(tx, spec, id);
  if (existing && spec.rank === 'progress') {
    if (known(spec.table, written) > known(spec.table, existing)) {
      changed = await updateRow(tx, spec, written);
    }
  } else if (existing && spec.rank === 'lww') {
    // An order's later state wins by arrival, never by the clocks of two machines.
    if (who.role === 'agent' && existing.agent_id !== null && existing.agent_id !== who.agentId) {
      if (ctx.initial) return refuse(ctx, t, id, 'not_yours');
      throw forged(`${t} ${id} of another agent`);
    }
    changed = await updateRow(tx, spec, written);
  }
  if (changed) {
    ctx.applied++;
    ctx.effects.wrote = true;
  }
}

const known = (t: SyncTable, row: Row) =>
  specOf(t).columns.filter((c) => row[c.name] !== null && row[c.name] !== undefined).length;

/** An order's items: content that never changes, of an order the pusher may write. */
async function applyOrderItem(ctx: PushContext, row: Row): Promise<void> {
  const { tx, who } = ctx;
  const leadId = await orderLeadId(tx, String(row.order_id));
  if (leadId === undefined) return refuse(ctx, 'order_items', String(row.id), 'lead_unknown');
  if (who.role === 'agent') {
    const { lead } = await lockedLead(ctx, leadId);
    if (
      lead?.owner !== who.agentId &&
      !ctx.initial &&
      !(await everOwned(tx, leadId, who.agentId))
    ) {
      throw forged(`order item ${String(row.id)}`);
    }
  }
  if (await insertRow(tx, specOf('order_items'), row)) {
    ctx.applied++;
    ctx.effects.wrote = true;
  }
}
