import type { TFunction } from 'i18next';
import type { ApiError } from '../../shared/errors';
import { ServerErrorCode } from '../../shared/team/protocol';
import type { TeamStatus } from '../../shared/team/status';
import { errorText } from '../ui/apiError';

/**
 * What the server may say no with (`data.reason` of `team_refused`), each with its sentence;
 * `unavailable` is said as unreachable, and `bad_answer` is the app's own (not a server's) word.
 */
export const TEAM_REFUSAL_CODES = [
  ...ServerErrorCode.options.filter(
    (c): c is Exclude<ServerErrorCode, 'unavailable'> => c !== 'unavailable',
  ),
  'bad_answer' as const,
];

/** Why the team did not take one change (push.ts's reasons, and the app's own `forbidden`). */
export const CHANGE_REFUSAL_REASONS = [
  'lead_reassigned',
  'stage_changed',
  'duplicate_number',
  'lead_unknown',
  'not_yours',
  'forbidden',
] as const;

/**
 * One sentence for a failed team call: a refusal by the server names its reason, a field its
 * own problem (the address, the code), anything else its code.
 */
export function teamErrorText(t: TFunction, error: ApiError): string {
  if (error.code === 'team_refused') {
    const reason = String(error.data?.reason ?? '');
    return t(`team.refused.${reason}`, { defaultValue: t('team.refused.other') });
  }
  return errorText(t, error);
}

/** The last round's failure as kept in the status (a server code, or `unreachable`). */
export function lastErrorText(t: TFunction, lastError: TeamStatus['lastError']): string | null {
  if (!lastError) return null;
  if (lastError.code === 'unreachable' || lastError.code === 'unavailable') {
    return t('errors.code.team_unreachable');
  }
  return t(`team.refused.${lastError.code}`, { defaultValue: t('team.refused.other') });
}

/** Why one change was not taken, in words. */
export function refusalText(t: TFunction, reason: string): string {
  return t(`team.reason.${reason}`, { defaultValue: t('team.reason.other') });
}

/** The top bar's words for the link: nothing when this install is not linked. */
export function indicatorText(t: TFunction, status: TeamStatus | null): string | null {
  if (!status?.linked) return null;
  switch (status.state) {
    case 'revoked':
      return t('team.indicator.revoked');
    case 'syncing':
      return t('team.indicator.syncing');
    case 'offline':
      return t('team.indicator.offline', { count: status.pending });
    case 'online':
      return status.pending > 0
        ? t('team.indicator.pending', { count: status.pending })
        : t('team.indicator.online');
    case 'off':
      return null;
  }
}
