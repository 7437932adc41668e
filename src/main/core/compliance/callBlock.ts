import type { CallBlock } from '../../../shared/api/compliance';
import { REPEAT_CALL_WINDOW_MS, repeatCallVerdict } from '../../../shared/compliance/callRules';
import { dncKey } from '../../../shared/compliance/dncNumber';
import type { Lead } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { normalisePhone } from '../../../shared/phone';
import type { Db } from '../db/open';
import { readSettings } from '../settings/db/settings';
import { lastAnsweredCall, lastCallbackRequest } from './db/callHistory';
import { onNationalRegister, registerInfo, teamEntry } from './db/dncLists';

/**
 * Why an outbound call to this number (a lead's own, or one typed) must not be made, or null:
 * a do-not-call list first (the team's, then the national register), then the 24-hour rule.
 * `calls.start` refuses with it; `compliance.check` tells the renderer before it dials.
 */
export function callBlock(
  db: Db,
  args: { lead: Pick<Lead, 'id' | 'phone' | 'doNotCall'> | null; number: string },
  now: number,
): CallBlock | null {
  const e164 = args.lead ? args.lead.phone : validE164(args.number);
  if (args.lead?.doNotCall) {
    const entry = e164 ? teamEntry(db, dncKey(e164)) : null;
    return {
      kind: 'dnc',
      list: 'team',
      reason: entry?.reason ?? '',
      since: entry?.addedAt ?? null,
    };
  }
  if (!e164) return null;
  const block = dncBlock(db, e164);
  if (block) return block;
  const since = now - REPEAT_CALL_WINDOW_MS;
  const lastCallAt = lastAnsweredCall(db, { leadId: args.lead?.id ?? null, e164, since });
  const verdict = repeatCallVerdict({
    now,
    enabled: readSettings(db).repeatCallRule,
    lastCallAt,
    consentAt:
      lastCallAt !== null && args.lead ? lastCallbackRequest(db, args.lead.id, lastCallAt) : null,
  });
  return verdict.allowed
    ? null
    : { kind: 'repeat', lastCallAt: verdict.lastCallAt, allowedFrom: verdict.allowedFrom };
}

/** The list a number is on, if any. */
export function dncBlock(db: Db, e164: string): CallBlock | null {
  const key = dncKey(e164);
  const entry = teamEntry(db, key);
  if (entry) return { kind: 'dnc', list: 'team', reason: entry.reason, since: entry.addedAt };
  if (onNationalRegister(db, key)) {
    return { kind: 'dnc', list: 'national', reason: '', since: registerInfo(db)?.fileDate ?? null };
  }
  return null;
}

/** The refusal of `calls.start` for a block. */
export function blockError(block: CallBlock): AppError {
  if (block.kind === 'repeat') {
    return new AppError(
      'call_too_soon',
      'This number was called less than 24 hours ago (Decree 91/2020); it may be called again later.',
      { data: { lastCallAt: block.lastCallAt, allowedFrom: block.allowedFrom } },
    );
  }
  return new AppError(
    'dnc_blocked',
    block.list === 'team'
      ? "This number is on the team's do-not-call list."
      : 'This number is on the national do-not-call register.',
    { data: { list: block.list, reason: block.reason, since: block.since } },
  );
}

function validE164(number: string): string | null {
  const normal = normalisePhone(number);
  return normal.valid ? normal.e164 : null;
}

/** The queue's badge: which list each lead's number is on (a flagged lead is the team's). */
export function withDncLists<L extends Pick<Lead, 'phone' | 'doNotCall'>>(
  db: Db,
  leads: L[],
): (L & { dncList?: 'team' | 'national' })[] {
  return leads.map((lead) => {
    const block = lead.doNotCall ? null : lead.phone ? dncBlock(db, lead.phone) : null;
    const dncList = lead.doNotCall ? 'team' : block?.kind === 'dnc' ? block.list : null;
    // Only on a listed lead: the others stay the very objects the other methods answer.
    return dncList ? { ...lead, dncList } : lead;
  });
}
