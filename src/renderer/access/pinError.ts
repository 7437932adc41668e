import type { TFunction } from 'i18next';
import type { ApiError } from '../../shared/errors';
import { errorText } from '../ui/apiError';

/** The message for a refused PIN: how long to wait when the delay has started. */
export function pinErrorText(t: TFunction, error: ApiError): string {
  const seconds = typeof error.data?.seconds === 'number' ? error.data.seconds : 0;
  if (error.code === 'pin_locked') return t('access.lockedFor', { seconds });
  if (error.code === 'pin_wrong') {
    return seconds > 0 ? t('access.wrongPinWait', { seconds }) : t('access.wrongPin');
  }
  return errorText(t, error);
}
