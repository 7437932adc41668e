import type { Role } from '../../../shared/roles';
import type { TeamClient } from '../../../shared/team/client';
import { TeamServerError } from '../../../shared/team/client';
import type { Refusal } from '../../../shared/team/protocol';
import type { Db } from '../db/open';
import { writeTx } from '../db/writeTx';
import { pauseLogging } from '../sync/db/changeLog';
import { applyPullPage, dropRemovedLeads } from './applyPull';
import {
  addRefusal,
  setPushedSeq,
  setRole,
  setUploadMark,
  takeBatchNumber,
  type TeamLinkRow,
} from './db/teamLink';
import { nextOutboxBatch, nextUploadPage } from './outbox';

/*
 * One round's moves between this install and the team server: the first upload of the
 * install's own history, the outbox, the pull. Each step notes how far it got once the server
 * has answered, so a round cut anywhere resumes where it stopped; what went up without its
 * answer goes again and changes nothing (the server merges records by their ids).
 */

export interface TransferContext {
  db: Db;
  now(): number;
  /** The link as stored now (a round runs only while there is one). */
  link(): TeamLinkRow;
  onLeadsChanged(ids: string[]): void;
  /** The team gave this person another role. */
  onRole(teamRole: Role): void;
}

/** The first upload of what this install made alone, page by page, resumable. */
export async function uploadHistory(c: TransferContext, client: TeamClient): Promise<void> {
  const { db } = c;
  for (;;) {
    const l = c.link();
    if (l.uploadTable === null) return;
    const page = nextUploadPage(db, { table: l.uploadTable, key: l.uploadKey }, l.role);
    if (page.records.length > 0) {
      const r = await client.push({
        batch: takeBatchNumber(db),
        records: page.records,
        initial: true,
      });
      keepRefusals(c, r.refused);
    }
    setUploadMark(db, page.next?.table ?? null, page.next?.key ?? null);
  }
}

/**
 * The outbox: the change log past what the team acknowledged, in batches; a record the team
 * will never take (`forbidden_change`) is sent alone, kept as a refusal, and passed.
 */
export async function pushOutbox(c: TransferContext, client: TeamClient): Promise<void> {
  const { db } = c;
  for (;;) {
    const l = c.link();
    const batch = nextOutboxBatch(db, l.pushedSeq, l.role);
    if (batch.upTo === l.pushedSeq) return;
    if (batch.records.length > 0) {
      try {
        const r = await client.push({ batch: takeBatchNumber(db), records: batch.records });
        keepRefusals(c, r.refused);
      } catch (err) {
        if (!(err instanceof TeamServerError) || err.code !== 'forbidden_change') throw err;
        // One record the team will never take must not hold up the others: each alone.
        for (const rec of batch.records) {
          try {
            const r = await client.push({ batch: takeBatchNumber(db), records: [rec] });
            keepRefusals(c, r.refused);
          } catch (one) {
            if (!(one instanceof TeamServerError) || one.code !== 'forbidden_change') throw one;
            const id = String(rec.row.id ?? rec.row.code);
            addRefusal(db, {
              tbl: rec.t,
              rowId: id,
              reason: 'forbidden',
              leadId: rec.t === 'leads' ? id : ((rec.row.lead_id as string | null) ?? null),
              at: c.now(),
            });
          }
        }
      }
    }
    setPushedSeq(db, batch.upTo);
  }
}

function keepRefusals(c: TransferContext, refused: Refusal[]) {
  const { db } = c;
  for (const r of refused) {
    addRefusal(db, {
      tbl: r.t,
      rowId: r.id,
      reason: r.reason,
      leadId: r.leadId ?? (r.t === 'leads' ? r.id : null),
      at: c.now(),
    });
  }
}

/**
 * The team's changes since the cursor, page by page; then the leads that left, once their own
 * changes went up.
 */
export async function pullChanges(c: TransferContext, client: TeamClient): Promise<void> {
  const { db } = c;
  const me = await client.me();
  const l0 = c.link();
  if (me.agent.role !== l0.role) {
    setRole(db, me.agent.role, l0.teamName);
    c.onRole(me.agent.role);
  }
  for (;;) {
    const l = c.link();
    const page = await client.pull({ cursor: l.cursor });
    const changed = applyPullPage(
      { db, pushedSeq: l.pushedSeq, armReminders: l.role === 'agent', now: c.now() },
      page,
    );
    if (changed.length > 0) c.onLeadsChanged(changed);
    if (!page.more) break;
  }
  // Leads that left while their last changes were waiting go now that those went up.
  const dropped = new Set<string>();
  writeTx(db, () => {
    pauseLogging(db, true);
    dropRemovedLeads(
      { db, pushedSeq: c.link().pushedSeq, armReminders: false, now: c.now() },
      dropped,
    );
    pauseLogging(db, false);
  });
  if (dropped.size > 0) c.onLeadsChanged([...dropped]);
}
