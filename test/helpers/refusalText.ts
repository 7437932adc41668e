import type { ApiError } from '../../src/shared/errors';
import { createI18n } from '../../src/renderer/i18n';
import { syncErrorText } from '../../src/renderer/sync/syncErrorText';

const vi = createI18n('vi');
const en = createI18n('en');

/** What the sync screen says about a refused bundle, in both languages. */
export function refusalText(error: ApiError): { vi: string; en: string } {
  return { vi: syncErrorText(vi.t, error), en: syncErrorText(en.t, error) };
}
