import type { TFunction } from 'i18next';
import type { ApiError } from '../../shared/errors';
import { fieldsText } from '../ui/apiError';

/** One sentence for a failed agent/sync call: the bundle's problem, the field's, or the code's. */
export function syncErrorText(t: TFunction, error: ApiError): string {
  if (error.code === 'bundle_invalid') {
    const data = error.data ?? {};
    const reason = String(data.reason ?? 'corrupt');
    // What an assignment may not carry, and whose key signed it, go into the sentence.
    const what = typeof data.what === 'string' ? t(`sync.outside.${data.what}`) : '';
    return t('sync.refused', {
      file: String(data.file ?? ''),
      reason: t(`sync.reason.${reason}`, {
        ...data,
        what,
        defaultValue: t('sync.reason.corrupt'),
      }),
    });
  }
  // One sentence per problem: a name can break several rules of the same key.
  return fieldsText(t, error, { unique: true });
}
