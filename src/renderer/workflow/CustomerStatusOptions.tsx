import { useTranslation } from 'react-i18next';
import type { StatusEntry } from '../../shared/catalogue';
import type { Language } from '../../shared/domain';
import { customerStatuses, entryLabel } from './catalogueStore';

/** The customer statuses as a select's options, in the user's language. */
export function CustomerStatusOptions({
  statuses,
  includeRetired = false,
}: {
  statuses: readonly StatusEntry[];
  /** Retired ones too: a filter may still find leads that carry one. */
  includeRetired?: boolean;
}) {
  const { i18n } = useTranslation();
  return customerStatuses(statuses, includeRetired).map((s) => (
    <option key={s.code} value={s.code}>
      {entryLabel(s, i18n.language as Language)}
    </option>
  ));
}
