import type { TFunction } from 'i18next';
import type { ApiError } from '../../../shared/errors';

/** One sentence for a failed agent/sync call: the bundle's problem, the field's, or the code's. */
export function syncErrorText(t: TFunction, error: ApiError): string {
  if (error.code === 'bundle_invalid') {
    const reason = String(error.data?.reason ?? 'corrupt');
    return t('sync.refused', {
      file: String(error.data?.file ?? ''),
      reason: t(`sync.reason.${reason}`, { defaultValue: t('sync.reason.corrupt') }),
    });
  }
  if (error.fields && error.fields.length > 0) {
    // One sentence per problem: a name can break several rules of the same key.
    return [...new Set(error.fields.map((f) => t(`errors.${f.key}`)))].join(' ');
  }
  return t(`errors.code.${error.code}`);
}
