import { useTranslation } from 'react-i18next';
import type { StatusEntry } from '../../shared/catalogue';
import type { Language } from '../../shared/domain';
import { customerStatuses, entryLabel } from '../workflow/catalogueStore';

/**
 * A filter by customer status: null = all, '' = leads with no status yet, else a status code.
 */
export function CustomerStatusFilter({
  value,
  statuses,
  onChange,
}: {
  value: string | null;
  statuses: readonly StatusEntry[];
  onChange(value: string | null): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  return (
    <label>
      {t('filter.customerStatus')}{' '}
      <select
        value={value ?? '*'}
        onChange={(e) => onChange(e.target.value === '*' ? null : e.target.value)}
      >
        <option value="*">{t('filter.all')}</option>
        <option value="">{t('filter.noStatus')}</option>
        {customerStatuses(statuses).map((s) => (
          <option key={s.code} value={s.code}>
            {entryLabel(s, lang)}
          </option>
        ))}
      </select>
    </label>
  );
}
