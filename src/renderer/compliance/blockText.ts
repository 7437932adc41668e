import type { TFunction } from 'i18next';
import type { CallBlock } from '../../shared/api/compliance';
import type { ApiError } from '../../shared/errors';
import { formatDateTime } from '../../shared/time';

/** The refusals that say why a number may not be called, and until when. */
export const BLOCK_CODES = ['dnc_blocked', 'call_too_soon'] as const;

/** A `calls.start` refusal's data as the block it stands for, or null for any other refusal. */
export function blockOfError(error: Pick<ApiError, 'code' | 'data'>): CallBlock | null {
  const d = error.data ?? {};
  if (error.code === 'dnc_blocked' && (d.list === 'team' || d.list === 'national')) {
    return {
      kind: 'dnc',
      list: d.list,
      reason: typeof d.reason === 'string' ? d.reason : '',
      since: typeof d.since === 'number' ? d.since : null,
    };
  }
  if (
    error.code === 'call_too_soon' &&
    typeof d.allowedFrom === 'number' &&
    typeof d.lastCallAt === 'number'
  ) {
    return { kind: 'repeat', allowedFrom: d.allowedFrom, lastCallAt: d.lastCallAt };
  }
  return null;
}

/**
 * What the agent reads when a call is refused: which list and why, or from when the number may
 * be called again (dd/MM/yyyy HH:mm in the team's time zone).
 */
export function blockText(t: TFunction, block: CallBlock, timeZone: string): string {
  if (block.kind === 'repeat') {
    return t('compliance.block.repeat', {
      lastCall: formatDateTime(block.lastCallAt, timeZone),
      allowedFrom: formatDateTime(block.allowedFrom, timeZone),
    });
  }
  if (block.list === 'national') {
    return t('compliance.block.national', {
      date: block.since === null ? '—' : formatDateTime(block.since, timeZone).slice(0, 10),
    });
  }
  return block.reason
    ? t('compliance.block.teamReason', { reason: block.reason })
    : t('compliance.block.team');
}
