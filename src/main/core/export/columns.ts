import type { Language } from '../../../shared/domain';
import { exportHeader, exportTexts, type ColumnOf } from '../../../shared/exportTexts';
import type { ExportKind } from '../../../shared/exportTypes';
import type { ExportRowOf } from './db/exportQueries';
import { exportPhone } from './exportPhone';

/** A cell: text, a number, an instant (written as a local date and time), or nothing. */
export type Cell = string | number | { at: number } | null;

export interface ColumnContext {
  language: Language;
  /** Status catalogue labels in the export's language, by code. */
  statusLabel(code: string | null): string;
}

export interface Column<K extends ExportKind> {
  key: ColumnOf[K];
  /** Width in characters, for XLSX. */
  width: number;
  value(row: ExportRowOf[K], ctx: ColumnContext, t: ReturnType<typeof exportTexts>): Cell;
}

const at = (ms: number | null): Cell => (ms === null ? null : { at: ms });

function agentName(name: string | null, code: string | null): string {
  if (name === null) return '';
  return code ? `${name} (${code})` : name;
}

interface OrderItemTuple extends Array<unknown> {
  0: string;
  1: number;
  2: number;
}

function itemsText(json: string): string {
  const items = JSON.parse(json) as OrderItemTuple[];
  return items.map(([name, quantity]) => `${name} × ${quantity}`).join('; ');
}

export const columns: { [K in ExportKind]: Column<K>[] } = {
  leads: [
    { key: 'name', width: 28, value: (r) => r.name },
    { key: 'phone', width: 16, value: (r) => exportPhone(r.phone_e164, r.phone_as_given) },
    {
      key: 'phone2',
      width: 16,
      value: (r) =>
        r.phone2_e164 || r.phone2_as_given ? exportPhone(r.phone2_e164, r.phone2_as_given) : '',
    },
    { key: 'source', width: 18, value: (r) => r.source },
    { key: 'stage', width: 14, value: (r, _c, t) => t.stage[r.stage] },
    { key: 'customerStatus', width: 22, value: (r, c) => c.statusLabel(r.customer_status) },
    { key: 'nextAction', width: 18, value: (r, _c, t) => t.nextAction[r.next_action] },
    { key: 'nextActionAt', width: 17, value: (r) => at(r.next_action_at) },
    { key: 'lastOutcome', width: 22, value: (r, c) => c.statusLabel(r.last_outcome) },
    { key: 'note', width: 40, value: (r) => r.note },
    {
      key: 'gender',
      width: 9,
      value: (r, _c, t) => t.gender[r.gender as keyof typeof t.gender] ?? r.gender,
    },
    { key: 'birthYear', width: 9, value: (r) => r.birth_year },
    { key: 'province', width: 16, value: (r) => r.province },
    { key: 'district', width: 16, value: (r) => r.district },
    { key: 'address', width: 30, value: (r) => r.address },
    { key: 'doNotCall', width: 10, value: (r, _c, t) => (r.do_not_call ? t.yes : t.no) },
    { key: 'phoneWrong', width: 9, value: (r, _c, t) => (r.phone_wrong ? t.yes : t.no) },
    { key: 'receivedAt', width: 17, value: (r) => at(r.received_at) },
    { key: 'updatedAt', width: 17, value: (r) => at(r.updated_at) },
    { key: 'id', width: 38, value: (r) => r.id },
  ],
  calls: [
    { key: 'startedAt', width: 17, value: (r) => at(r.started_at) },
    { key: 'answeredAt', width: 17, value: (r) => at(r.answered_at) },
    { key: 'endedAt', width: 17, value: (r) => at(r.ended_at) },
    { key: 'talkSeconds', width: 12, value: (r) => r.talk_seconds },
    { key: 'direction', width: 10, value: (r, _c, t) => t.direction[r.direction] },
    { key: 'via', width: 11, value: (r, _c, t) => t.via[r.via] },
    {
      key: 'number',
      width: 16,
      value: (r) => exportPhone(r.number.startsWith('+') ? r.number : null, r.number),
    },
    { key: 'leadName', width: 28, value: (r) => r.lead_name ?? '' },
    { key: 'source', width: 18, value: (r) => r.lead_source ?? '' },
    { key: 'endCause', width: 16, value: (r) => r.end_cause ?? '' },
    { key: 'outcome', width: 22, value: (r, c) => c.statusLabel(r.outcome) },
    { key: 'outcomeNote', width: 40, value: (r) => r.outcome_note ?? '' },
    { key: 'agent', width: 20, value: (r) => agentName(r.agent_name, r.agent_code) },
    { key: 'id', width: 38, value: (r) => r.id },
  ],
  orders: [
    { key: 'createdAt', width: 17, value: (r) => at(r.created_at) },
    { key: 'leadName', width: 28, value: (r) => r.lead_name },
    {
      key: 'phone',
      width: 16,
      value: (r) => exportPhone(r.lead_phone_e164, r.lead_phone_as_given),
    },
    { key: 'source', width: 18, value: (r) => r.lead_source },
    { key: 'items', width: 40, value: (r) => itemsText(r.items) },
    { key: 'quantity', width: 9, value: (r) => r.quantity },
    { key: 'total', width: 14, value: (r) => r.total },
    { key: 'payment', width: 16, value: (r, _c, t) => t.payment[r.payment] },
    {
      key: 'state',
      width: 14,
      value: (r, _c, t) => t.orderState[r.state as keyof typeof t.orderState] ?? r.state,
    },
    { key: 'deliveryAddress', width: 30, value: (r) => r.delivery_address },
    { key: 'note', width: 30, value: (r) => r.note },
    { key: 'agent', width: 20, value: (r) => agentName(r.agent_name, r.agent_code) },
    { key: 'updatedAt', width: 17, value: (r) => at(r.updated_at) },
    { key: 'id', width: 38, value: (r) => r.id },
  ],
};

export function headersOf(kind: ExportKind, language: Language): string[] {
  return (columns[kind] as Column<ExportKind>[]).map((c) =>
    exportHeader(kind, c.key as never, language),
  );
}
