import { roleAllows, type Role } from '../../shared/roles';
import type { PullRequest, PullResponse, SyncRecord } from '../../shared/team/protocol';
import { inTx, type Db } from '../db/pool';
import {
  changedRows,
  changedRowsOf,
  leadWithHistory,
  movesOf,
  type PulledRow,
} from '../db/syncRows';

export const DEFAULT_PULL_LIMIT = 1000;

/**
 * What changed after the app's cursor that this person may see, in the server's sequence
 * order (never the machines' clocks). Writers take the write lock, so sequence numbers are
 * given in commit order and the returned cursor never skips a later commit.
 *
 * An agent sees their own leads with their history, the catalogue and the team's people. A
 * lead that became theirs comes with its whole history (written before their cursor); one that
 * left them is named in `removed`.
 */
export async function readPull(
  db: Db,
  who: { agentId: string; role: Role },
  req: PullRequest,
): Promise<PullResponse> {
  const limit = req.limit ?? DEFAULT_PULL_LIMIT;
  // One snapshot for every read of the page.
  return inTx(db, async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    if (roleAllows(who.role, 'supervisor')) {
      const rows = await changedRows(tx, req.cursor, limit + 1);
      const page = rows.slice(0, limit);
      return {
        records: page.map(toRecord),
        removed: [],
        cursor: page.at(-1)?.seq ?? req.cursor,
        more: rows.length > limit,
      };
    }
    const [rows, moves] = await Promise.all([
      changedRowsOf(tx, who.agentId, req.cursor, limit + 1),
      movesOf(tx, who.agentId, req.cursor, limit + 1),
    ]);
    // The page ends at the `limit`-th event of the two lists merged by sequence.
    const seqs = [...rows.map((r) => r.seq), ...moves.map((m) => m.seq)].sort((a, b) => a - b);
    const more = seqs.length > limit;
    const cursor = seqs.length === 0 ? req.cursor : seqs[Math.min(limit, seqs.length) - 1]!;
    const inPage = (seq: number) => seq <= cursor;
    // Where a lead moved more than once in the page, its last move decides.
    const last = new Map<string, string | null>();
    for (const m of moves.filter((m) => inPage(m.seq))) last.set(m.leadId, m.to);
    const arrived = [...last].filter(([, to]) => to === who.agentId).map(([id]) => id);
    const removed = [...last].filter(([, to]) => to !== who.agentId).map(([id]) => id);
    const records: PulledRow[] = [
      ...(await leadWithHistory(tx, arrived)),
      ...rows.filter((r) => inPage(r.seq)),
    ];
    return { records: unique(records).map(toRecord), removed, cursor, more };
  });
}

const toRecord = (r: PulledRow): SyncRecord => ({ t: r.t, row: r.row });

/** A row read twice (a lead that arrived and also changed) is sent once, where it came first. */
function unique(rows: PulledRow[]): PulledRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.t}:${String(r.row.id ?? r.row.code)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
