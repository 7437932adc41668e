import type { Lead } from '../../shared/domain';
import { formatShortDateTime } from '../../shared/time';

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

export interface LeadAgeView {
  /** i18n key under `age.` */
  key: 'minutes' | 'hours' | 'days';
  count: number;
  /** Speed to lead: amber after 15 minutes, red after 30. */
  tone: 'fresh' | 'amber' | 'red';
}

const MINUTE = 60_000;

/** How long a fresh lead has waited ("mới 12 phút"). */
export function leadAge(receivedAt: number, now: number): LeadAgeView {
  const minutes = Math.max(0, Math.floor((now - receivedAt) / MINUTE));
  const tone = minutes >= 30 ? 'red' : minutes >= 15 ? 'amber' : 'fresh';
  if (minutes < 60) return { key: 'minutes', count: minutes, tone };
  if (minutes < 24 * 60) return { key: 'hours', count: Math.floor(minutes / 60), tone };
  return { key: 'days', count: Math.floor(minutes / (24 * 60)), tone };
}
