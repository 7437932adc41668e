import { z } from 'zod';
import { Instant } from './domain';

/*
 * The supervisor's reports. Every chart is drawn from one of these series, and the
 * table under it shows the same rows.
 *
 * Definitions:
 * - A call is in the range when it started in [from, to); a day is a calendar day in the
 *   configured time zone.
 * - A call **reached a person** when its outcome (its latest disposition) says the customer
 *   was spoken to: an outcome that sets any customer status other than "Không liên lạc được"
 *   and does not mark the number wrong. "Chưa gọi được", "Sai số / Số ảo", "Không nghe máy",
 *   "Máy bận / Thuê bao" are not reached; "Không nhu cầu" is (someone answered and said no).
 *   A call with no outcome yet, or with a custom outcome that sets no customer status, counts
 *   as reached when it was answered with talk time above zero. Reach rate = reached / calls.
 * - Callbacks are counted on the day they were due: **due** = fell due by now (not those
 *   replaced before their time), **done** = the lead was called (or its outcome saved) after
 *   the callback fell due, **missed** = due and still waiting; due = done + missed. Callbacks
 *   due later than now are **upcoming**.
 * - Conversions, from the outcomes saved in the range: leads called while in Data mới, of them
 *   converted (moved to Data contact or straight to Đơn hàng); leads called while in Data
 *   contact, of them ordered. Orders: created in the range and not cancelled; value in VND.
 */

export const REPORT_MAX_DAYS = 366;

export const ReportsInput = z
  .object({ from: Instant, to: Instant })
  .strict()
  .refine((r) => r.from < r.to, { message: 'range_invalid', path: ['to'] })
  .refine((r) => r.to - r.from <= (REPORT_MAX_DAYS + 1) * 86_400_000, {
    message: 'range_too_long',
    path: ['to'],
  });

export const DayRow = z.object({
  /** `yyyy-MM-dd`, local. */
  day: z.string(),
  calls: z.number().int(),
  reached: z.number().int(),
  talkSeconds: z.number().int(),
  callbacksDue: z.number().int(),
  callbacksDone: z.number().int(),
  callbacksMissed: z.number().int(),
  callbacksUpcoming: z.number().int(),
});
export type DayRow = z.infer<typeof DayRow>;

export const AgentRow = z.object({
  /** null: calls recorded without an agent (before agents existed, or on this computer). */
  agentId: z.string().nullable(),
  name: z.string(),
  code: z.string(),
  calls: z.number().int(),
  reached: z.number().int(),
  talkSeconds: z.number().int(),
  orders: z.number().int(),
  orderValue: z.number().int(),
});
export type AgentRow = z.infer<typeof AgentRow>;

export const OutcomeRow = z.object({
  code: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  color: z.string(),
  count: z.number().int(),
});
export type OutcomeRow = z.infer<typeof OutcomeRow>;

export const Conversions = z.object({
  newLeads: z.number().int(),
  newCalled: z.number().int(),
  converted: z.number().int(),
  contactCalled: z.number().int(),
  ordered: z.number().int(),
  orders: z.number().int(),
  orderValue: z.number().int(),
  paidValue: z.number().int(),
});
export type Conversions = z.infer<typeof Conversions>;

export const Reports = z.object({
  from: Instant,
  to: Instant,
  timeZone: z.string(),
  /** Whether this database records agents (per-agent rows are meaningful). */
  agentsRecorded: z.boolean(),
  days: z.array(DayRow),
  agents: z.array(AgentRow),
  outcomes: z.array(OutcomeRow),
  conversions: Conversions,
});
export type Reports = z.infer<typeof Reports>;

/** reached / calls as a percentage with one decimal; 0 when there were no calls. */
export function reachRate(reached: number, calls: number): number {
  return calls === 0 ? 0 : Math.round((reached / calls) * 1000) / 10;
}
