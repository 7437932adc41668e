import { customerStatusCodes } from '../../../../shared/catalogue';
import type { ReportDay } from '../../../../shared/reportDays';
import type { AgentRow, Conversions, DayRow, OutcomeRow } from '../../../../shared/reportTypes';
import { hasAgents } from '../../export/db/exportQueries';
import type { Db } from '../../db/open';

/*
 * The queries behind the reports screen. Definitions (what "reached" and "missed" mean) are in
 * shared/reportTypes.ts; this file is their SQL. Every count is one pass over an index range
 * of the period (calls_started, dispositions_created, orders_created, and reminders_due read as
 * one range per state).
 */

// A call's outcome is its latest disposition (index dispositions_call, migration 0080).
const CALL_OUTCOME_JOIN = `
  LEFT JOIN dispositions d ON d.rowid = (SELECT rowid FROM dispositions
    WHERE call_id = c.id ORDER BY created_at DESC, rowid DESC LIMIT 1)
  LEFT JOIN statuses s ON s.code = d.status_code`;

/** 1 when the call reached a person, else 0 (see shared/reportTypes.ts). */
export const REACHED_SQL = `CASE
  WHEN s.code IS NOT NULL AND s.invalidates_phone = 1 THEN 0
  WHEN s.code IS NOT NULL AND s.sets_customer_status = '${customerStatusCodes.notReachable}' THEN 0
  WHEN s.code IS NOT NULL AND s.sets_customer_status IS NOT NULL THEN 1
  WHEN c.talk_seconds > 0 THEN 1
  ELSE 0 END`;

const DAYS_CTE = `WITH days(i, s, e) AS (
  SELECT CAST(key AS INTEGER), value ->> 0, value ->> 1 FROM json_each(@days))`;

interface Range {
  from: number;
  to: number;
}

export function dayRows(db: Db, days: readonly ReportDay[], now: number): DayRow[] {
  const json = JSON.stringify(days.map((d) => [d.start, d.end]));
  const calls = db
    .prepare(
      `${DAYS_CTE}
       SELECT days.i AS i, COUNT(c.id) AS calls, COALESCE(SUM(${REACHED_SQL}), 0) AS reached,
         COALESCE(SUM(c.talk_seconds), 0) AS talk
       FROM days LEFT JOIN calls c ON c.started_at >= days.s AND c.started_at < days.e
       ${CALL_OUTCOME_JOIN}
       GROUP BY days.i ORDER BY days.i`,
    )
    .all({ days: json }) as { i: number; calls: number; reached: number; talk: number }[];
  const callbacks = db
    .prepare(
      `${DAYS_CTE}
       SELECT days.i AS i,
         COALESCE(SUM(r.state = 'done' AND r.due_at <= @now), 0) AS done,
         COALESCE(SUM(r.state = 'pending' AND r.due_at <= @now), 0) AS missed,
         COALESCE(SUM(r.state = 'pending' AND r.due_at > @now), 0) AS upcoming
       FROM days LEFT JOIN reminders r ON r.state IN ('pending', 'done', 'cancelled')
         AND r.due_at >= days.s AND r.due_at < days.e
       GROUP BY days.i ORDER BY days.i`,
    )
    .all({ days: json, now }) as { i: number; done: number; missed: number; upcoming: number }[];
  return days.map((d, i) => {
    const c = calls[i]!;
    const r = callbacks[i]!;
    return {
      day: d.day,
      calls: c.calls,
      reached: c.reached,
      talkSeconds: c.talk,
      callbacksDue: r.done + r.missed,
      callbacksDone: r.done,
      callbacksMissed: r.missed,
      callbacksUpcoming: r.upcoming,
    };
  });
}

export function agentRows(db: Db, range: Range): AgentRow[] {
  const agents = hasAgents(db);
  const callRows = db
    .prepare(
      agents
        ? `SELECT c.agent_id AS agentId, a.name AS name, a.code AS code, COUNT(*) AS calls,
             SUM(${REACHED_SQL}) AS reached, SUM(c.talk_seconds) AS talk
           FROM calls c ${CALL_OUTCOME_JOIN} LEFT JOIN agents a ON a.id = c.agent_id
           WHERE c.started_at >= @from AND c.started_at < @to
           GROUP BY c.agent_id`
        : `SELECT NULL AS agentId, NULL AS name, NULL AS code, COUNT(*) AS calls,
             SUM(${REACHED_SQL}) AS reached, SUM(c.talk_seconds) AS talk
           FROM calls c ${CALL_OUTCOME_JOIN}
           WHERE c.started_at >= @from AND c.started_at < @to
           HAVING COUNT(*) > 0`,
    )
    .all(range) as {
    agentId: string | null;
    name: string | null;
    code: string | null;
    calls: number;
    reached: number;
    talk: number;
  }[];
  const orderRows = db
    .prepare(
      `SELECT ${agents ? 'o.agent_id' : 'NULL'} AS agentId,
         ${agents ? 'a.name' : 'NULL'} AS name, ${agents ? 'a.code' : 'NULL'} AS code,
         COUNT(*) AS orders, SUM(o.total) AS value
       FROM orders o ${agents ? 'LEFT JOIN agents a ON a.id = o.agent_id' : ''}
       WHERE o.created_at >= @from AND o.created_at < @to AND o.state <> 'cancelled'
       GROUP BY 1 HAVING COUNT(*) > 0`,
    )
    .all(range) as {
    agentId: string | null;
    name: string | null;
    code: string | null;
    orders: number;
    value: number;
  }[];

  const byAgent = new Map<string | null, AgentRow>();
  const rowFor = (agentId: string | null, name: string | null, code: string | null) => {
    let row = byAgent.get(agentId);
    if (!row) {
      row = {
        agentId,
        name: name ?? '',
        code: code ?? '',
        calls: 0,
        reached: 0,
        talkSeconds: 0,
        orders: 0,
        orderValue: 0,
      };
      byAgent.set(agentId, row);
    }
    return row;
  };
  for (const r of callRows) {
    const row = rowFor(r.agentId, r.name, r.code);
    row.calls = r.calls;
    row.reached = r.reached;
    row.talkSeconds = r.talk;
  }
  for (const r of orderRows) {
    const row = rowFor(r.agentId, r.name, r.code);
    row.orders = r.orders;
    row.orderValue = r.value;
  }
  return [...byAgent.values()].sort(
    (a, b) =>
      b.calls - a.calls ||
      a.name.localeCompare(b.name) ||
      (a.agentId ?? '').localeCompare(b.agentId ?? ''),
  );
}

export function outcomeRows(db: Db, range: Range): OutcomeRow[] {
  return db
    .prepare(
      `SELECT d.status_code AS code, s.label_vi AS labelVi, s.label_en AS labelEn,
         s.color AS color, COUNT(*) AS count
       FROM dispositions d JOIN statuses s ON s.code = d.status_code
       WHERE d.created_at >= @from AND d.created_at < @to
       GROUP BY d.status_code ORDER BY s.sort_order, d.status_code`,
    )
    .all(range) as OutcomeRow[];
}

export function conversions(db: Db, range: Range): Conversions {
  const leadsMoved = (where: string) => `(SELECT COUNT(DISTINCT lead_id) FROM dispositions
    WHERE created_at >= @from AND created_at < @to AND ${where})`;
  return db
    .prepare(
      `SELECT
         (SELECT COUNT(*) FROM leads WHERE received_at >= @from AND received_at < @to) AS newLeads,
         ${leadsMoved(`stage_before = 'new'`)} AS newCalled,
         ${leadsMoved(`stage_before = 'new' AND stage_after IN ('contact', 'order')`)} AS converted,
         ${leadsMoved(`stage_before = 'contact'`)} AS contactCalled,
         ${leadsMoved(`stage_before = 'contact' AND stage_after = 'order'`)} AS ordered,
         COUNT(o.id) AS orders,
         COALESCE(SUM(o.total), 0) AS orderValue,
         COALESCE(SUM(CASE WHEN o.payment = 'paid' THEN o.total ELSE 0 END), 0) AS paidValue
       FROM orders o
       WHERE o.created_at >= @from AND o.created_at < @to AND o.state <> 'cancelled'`,
    )
    .get(range) as Conversions;
}
