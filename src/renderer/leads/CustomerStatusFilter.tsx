import { useTranslation } from 'react-i18next';
import type { StatusEntry } from '../../shared/catalogue';
import { CustomerStatusOptions } from '../workflow/CustomerStatusOptions';

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
  const { t } = useTranslation();
  return (
    <label>
      {t('filter.customerStatus')}{' '}
      <select
        value={value ?? '*'}
        onChange={(e) => onChange(e.target.value === '*' ? null : e.target.value)}
      >
        <option value="*">{t('filter.all')}</option>
        <option value="">{t('filter.noStatus')}</option>
        <CustomerStatusOptions statuses={statuses} />
      </select>
    </label>
  );
}
