import type { Lead } from '../shared/domain';
import { formatShortDateTime } from '../shared/time';

export interface NextActionView {
  /** i18n key under `nextAction.` */
  key: Lead['nextAction'];
  time?: string;
  overdue: boolean;
}

/** What the "next action" column says for a lead at `now`. */
export function nextActionView(lead: Lead, now: number, timeZone: string): NextActionView {
  if (lead.nextAction === 'callback' && lead.nextActionAt !== null) {
    return {
      key: 'callback',
      time: formatShortDateTime(lead.nextActionAt, timeZone),
      overdue: lead.nextActionAt <= now,
    };
  }
  return { key: lead.nextAction, overdue: false };
}
