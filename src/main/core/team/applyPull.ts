import type { PullResponse } from '../../../shared/team/protocol';
import { specOf } from '../../../shared/sync/tables';
import type { Db } from '../db/open';
import { replacePendingReminder } from '../reminders/db/reminders';
import { newRowId } from '../db/rowId';
import { pauseLogging } from '../sync/db/changeLog';
import { foldLeadInto, leadCallback, releasePhone } from '../sync/db/leadMerge';
import {
  leadExists,
  orderExists,
  otherLeadWithPhone,
  statusExists,
  upsertRow,
} from './db/syncedRows';
import {
  addRemoval,
  deleteLeadLocally,
  dropRemoval,
  hasPendingChange,
  leadHasPendingChanges,
  pendingRemovals,
  setCursor,
} from './db/teamLink';
import { writeTx } from '../db/writeTx';

export interface ApplyContext {
  db: Db;
  /** The acknowledged change-log sequence: rows changed here after it are not overwritten. */
  pushedSeq: number;
  /** Only an agent's install arms reminders: a supervisor is not woken by everyone's callbacks. */
  armReminders: boolean;
  now: number;
}

/**
 * Applies one page of the team's changes in one transaction, with the cursor: a crash leaves
 * the page either applied with its cursor or not at all. The team's version wins, except over a
 * row this install changed and has not pushed yet (it goes up next, and the team's answer comes
 * back at a later pull). Nothing applied here enters the outbox or is stamped as this agent's.
 * Answers the leads that changed, for the screens.
 */
export function applyPullPage(ctx: ApplyContext, page: PullResponse): string[] {
  const { db } = ctx;
  const changed = new Set<string>();
  writeTx(db, () => {
    pauseLogging(db, true);
    for (const { t, row } of page.records) {
      const spec = specOf(t);
      const key = String(row[spec.key]);
      if (hasPendingChange(db, t, key, ctx.pushedSeq)) continue;
      if (t === 'leads') {
        const phone = row.phone_e164;
        const twin = typeof phone === 'string' ? otherLeadWithPhone(db, phone, key) : undefined;
        if (twin !== undefined) {
          // This install made the same customer before the team's lead arrived: one lead.
          releasePhone(db, twin);
          upsertRow(db, spec, row);
          foldLeadInto(db, twin, key, ctx.now);
        } else {
          upsertRow(db, spec, row);
        }
        changed.add(key);
        continue;
      }
      // History of a lead this install does not hold (yet): nothing to hang it on.
      const leadId = spec.lead ? (row[spec.lead] as string | null) : null;
      if (leadId !== null && !leadExists(db, leadId)) continue;
      if (t === 'order_items' && !orderExists(db, String(row.order_id))) continue;
      if (t === 'dispositions' && !statusExists(db, String(row.status_code))) continue;
      upsertRow(db, spec, row);
      if (leadId !== null) changed.add(leadId);
    }
    for (const id of page.removed) addRemoval(db, id);
    dropRemovedLeads(ctx, changed);
    followCallbacks(ctx, [...changed]);
    setCursor(db, page.cursor, ctx.now);
    pauseLogging(db, false);
  });
  return [...changed];
}

/**
 * Leads that left this agent go once nothing of theirs waits to go up (an outcome recorded
 * offline is pushed first, and the team keeps it). The agent's own calls stay in their call
 * log, without the lead.
 */
export function dropRemovedLeads(ctx: ApplyContext, changed: Set<string>): void {
  for (const id of pendingRemovals(ctx.db)) {
    if (leadHasPendingChanges(ctx.db, id, ctx.pushedSeq)) continue;
    deleteLeadLocally(ctx.db, id);
    dropRemoval(ctx.db, id);
    changed.add(id);
  }
}

/** Keeps this install's reminders in step with the callbacks of the leads that changed. */
function followCallbacks(ctx: ApplyContext, leadIds: string[]): void {
  for (const id of leadIds) {
    const cb = leadCallback(ctx.db, id);
    if (!cb) continue;
    const due = ctx.armReminders && cb.nextAction === 'callback' ? cb.nextActionAt : null;
    if (due === cb.pendingAt) continue;
    replacePendingReminder(ctx.db, {
      id: newRowId(),
      leadId: id,
      dispositionId: null,
      dueAt: due,
      now: ctx.now,
    });
  }
}
