import type { Db } from '../../db/open';

/*
 * What the 24-hour rule reads of this install's history: the last answered outbound call to a
 * number, and the last callback the customer asked for. Calls are found through their lead
 * (index calls_lead), and for a number that is no lead's, by the number itself among the day's
 * calls (index calls_started: at most a day of calls is read).
 */

/**
 * A call the network cut off (the connection or the audio lost) ended by nobody's choice:
 * calling straight back continues that conversation, it is not a second advertising call.
 */
const NOT_CUT_OFF = "(end_cause IS NULL OR end_cause NOT IN ('network', 'media_lost'))";

export function lastAnsweredCall(
  db: Db,
  args: { leadId: string | null; e164: string; since: number },
): number | null {
  const at = args.leadId
    ? db
        .prepare(
          `SELECT max(started_at) FROM calls
           WHERE lead_id = ? AND started_at >= ? AND direction = 'outbound'
             AND answered_at IS NOT NULL AND ${NOT_CUT_OFF}`,
        )
        .pluck()
        .get(args.leadId, args.since)
    : db
        .prepare(
          `SELECT max(started_at) FROM calls
           WHERE started_at >= ? AND number = ? AND direction = 'outbound'
             AND answered_at IS NOT NULL AND ${NOT_CUT_OFF}`,
        )
        .pluck()
        .get(args.since, args.e164);
  return (at as number | null) ?? null;
}

/**
 * The last disposition on the lead whose outcome is a callback at the customer's own time
 * (`isCustomerCallbackRequest`: a `contact` outcome with the rule callback_at_agent_time).
 */
export function lastCallbackRequest(db: Db, leadId: string, since: number): number | null {
  const at = db
    .prepare(
      `SELECT max(d.created_at) FROM dispositions d JOIN statuses s ON s.code = d.status_code
       WHERE d.lead_id = ? AND d.created_at >= ? AND d.callback_at IS NOT NULL
         AND s.stage = 'contact' AND s.rule = 'callback_at_agent_time'`,
    )
    .pluck()
    .get(leadId, since);
  return (at as number | null) ?? null;
}
