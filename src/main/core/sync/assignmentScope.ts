import type { Agent, BundleTable } from '../../../shared/api/sync';
import { leadHistoryTables } from '../../../shared/sync/tables';
import type { Row, TableSpec } from './db/syncRows';
import { bundleError, type ReadBundle } from './bundleFile';

/*
 * What a lead list (an assignment bundle) may carry, even when a trusted supervisor signed it:
 * its leads and their history, never set-up and never a rewrite of what this desk recorded.
 *
 * - `leads`: the leads it assigns; merged as in any bundle (the newest version wins).
 * - History of those leads: `calls`, `dispositions`, `orders`, `lead_notes`,
 *   `customer_status_changes` whose lead is one of the list's leads (a call with no lead only
 *   when one of the list's outcomes names it); `order_items` of the list's orders.
 * - `agents`: the list's author and the agents its history names.
 * - `statuses`: only custom ones that its records use (an outcome, a customer status, a status
 *   change, what a carried status sets). They are labels of history: one this install lacks is
 *   added retired, so it can never be picked for a new outcome; one it has is left as its admin
 *   set it. Making outcomes and customer statuses stays an admin's (`statuses.add`).
 * - A record this desk already has is never contradicted: the columns a record is born with
 *   must be the same (all of them for the append-only tables; for a call everything but what
 *   fills in as it goes; for an order everything but its state and payment), and this desk's
 *   own agent is never replaced by a newer version of it.
 * Anything else refuses the whole list with `outside_assignment`; nothing is written.
 */

export type OutsideAssignment = 'other_lead' | 'agent' | 'status' | 'history' | 'own_agent';

const historyTables: ReadonlySet<BundleTable> = new Set(leadHistoryTables);

/** What may change in a record after it is made (the lead column moves with merged leads). */
const mayChange: Partial<Record<BundleTable, readonly string[]>> = {
  calls: [
    'lead_id',
    'answered_at',
    'ended_at',
    'talk_seconds',
    'sip_call_id',
    'end_cause',
    'rtt_ms',
    'jitter_ms',
    'packet_loss_pct',
    'codec',
  ],
  orders: ['lead_id', 'payment', 'state', 'updated_at'],
  // Products are each install's catalogue: the link may be cleared where the product is unknown.
  order_items: ['product_id'],
  dispositions: ['lead_id'],
  lead_notes: ['lead_id'],
  customer_status_changes: ['lead_id'],
};

function outside(
  b: ReadBundle,
  what: OutsideAssignment,
  table: string,
  id: string,
): ReturnType<typeof bundleError> {
  return bundleError(b.name, 'outside_assignment', `${what}: ${table} ${id}`, {
    what,
    table,
    id,
  });
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Checks the list against the rule above before anything is written. */
export function checkAssignmentScope(b: ReadBundle): void {
  const ids = (t: BundleTable) => new Set(b.records.filter((r) => r.t === t).map((r) => r.id));
  const leads = ids('leads');
  const orders = ids('orders');
  const named = new Set<string>([b.manifest.agent.id]);
  const used = new Set<string>();
  const use = (v: unknown) => {
    if (typeof v === 'string') used.add(v);
  };
  const callsOfOutcomes = new Set<string>();
  for (const { t, row } of b.records) {
    const agent = str(row.agent_id);
    if (agent !== null && historyTables.has(t)) named.add(agent);
    if (t === 'dispositions') {
      use(row.status_code);
      const call = str(row.call_id);
      if (call !== null) callsOfOutcomes.add(call);
    }
    if (t === 'leads') [row.customer_status, row.last_outcome].forEach(use);
    if (t === 'customer_status_changes') [row.from_code, row.to_code].forEach(use);
  }
  // What a used status sets is used too (one step: a customer status sets nothing).
  for (const { t, row } of b.records) {
    if (t === 'statuses' && used.has(String(row.code))) use(row.sets_customer_status);
  }
  for (const { t, id, row } of b.records) {
    if (t === 'order_items') {
      if (!orders.has(String(row.order_id))) throw outside(b, 'other_lead', t, id);
    } else if (t === 'calls') {
      const lead = str(row.lead_id);
      if (lead === null ? !callsOfOutcomes.has(id) : !leads.has(lead)) {
        throw outside(b, 'other_lead', t, id);
      }
    } else if (historyTables.has(t)) {
      if (!leads.has(String(row.lead_id))) throw outside(b, 'other_lead', t, id);
    } else if (t === 'agents') {
      if (!named.has(id)) throw outside(b, 'agent', t, id);
    } else if (t === 'statuses') {
      if (row.builtin !== 0 || !used.has(id)) throw outside(b, 'status', t, id);
    }
  }
}

/**
 * During the merge: refuses a record that would contradict one this desk has. `wouldWin`: the
 * merge rule would write the incoming version over the existing one.
 */
export function checkAgainstExisting(
  b: ReadBundle,
  self: Agent | null,
  spec: TableSpec,
  incoming: Row,
  existing: Row,
  wouldWin: boolean,
): void {
  const id = String(incoming[spec.key]);
  if (spec.table === 'agents') {
    if (self !== null && id === self.id && wouldWin) throw outside(b, 'own_agent', spec.table, id);
    return;
  }
  const free = mayChange[spec.table];
  if (!free) return;
  for (const c of spec.columns) {
    if (c === spec.key || free.includes(c)) continue;
    if (incoming[c] !== existing[c]) throw outside(b, 'history', spec.table, id);
  }
}
