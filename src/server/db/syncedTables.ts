import type { SyncTable } from '../../shared/sync/tables';

/**
 * Columns the server adds to a synced table, which never travel: the change sequence of every
 * row, a lead's owner, an agent's role and whether they may still sign in.
 */
export const serverOnlyColumns: Readonly<Record<SyncTable, readonly string[]>> = {
  agents: ['role', 'active', 'seq'],
  statuses: ['seq'],
  leads: ['owner_agent_id', 'seq'],
  calls: ['seq'],
  dispositions: ['seq'],
  orders: ['seq'],
  order_items: ['seq'],
  lead_notes: ['seq'],
  customer_status_changes: ['seq'],
};
