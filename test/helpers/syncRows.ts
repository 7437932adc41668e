import type { Row } from '../../src/shared/sync/tables';

const T0 = Date.UTC(2026, 11, 7, 2);
let n = 0;
const id = (prefix: string) => `${prefix}-${(++n).toString().padStart(6, '0')}`;

/** A lead row as an app would push it (every synced column). */
export function leadRow(o: Partial<Row> = {}): Row {
  const lead = {
    id: id('lead'),
    name: 'Nguyễn Văn An',
    phone_e164: `+8491${String(2_000_000 + n).padStart(7, '0')}`,
    phone_as_given: '0912 000 000',
    source: 'Facebook',
    note: '',
    stage: 'new',
    next_action: 'call_now',
    next_action_at: null,
    customer_status: null,
    received_at: T0,
    created_at: T0,
    updated_at: T0,
    phone2_e164: null,
    phone2_as_given: '',
    gender: '',
    birth_year: null,
    province: '',
    district: '',
    address: '',
    do_not_call: 0,
    phone_wrong: 0,
    last_outcome: null,
    ...o,
  };
  return lead;
}

export function callRow(leadId: string, agentId: string, o: Partial<Row> = {}): Row {
  return {
    id: id('call'),
    lead_id: leadId,
    direction: 'out',
    via: 'softphone',
    number: '+84912000000',
    account_id: null,
    started_at: T0 + 60_000,
    answered_at: T0 + 65_000,
    ended_at: T0 + 125_000,
    talk_seconds: 60,
    sip_call_id: null,
    end_cause: 'local_hangup',
    rtt_ms: null,
    jitter_ms: null,
    packet_loss_pct: null,
    codec: null,
    agent_id: agentId,
    ...o,
  };
}

export function dispositionRow(leadId: string, agentId: string, o: Partial<Row> = {}): Row {
  return {
    id: id('disp'),
    lead_id: leadId,
    call_id: null,
    status_code: 'new.not_interested',
    note: 'Khách không có nhu cầu',
    callback_at: null,
    consent_outside_hours: 0,
    stage_before: 'new',
    stage_after: 'new',
    created_at: T0 + 130_000,
    agent_id: agentId,
    ...o,
  };
}

export function noteRow(leadId: string, agentId: string, o: Partial<Row> = {}): Row {
  return {
    id: id('note'),
    lead_id: leadId,
    text: 'Gọi lại sau',
    created_at: T0 + 1000,
    agent_id: agentId,
    ...o,
  };
}
