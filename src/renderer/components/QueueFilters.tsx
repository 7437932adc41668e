import { useTranslation } from 'react-i18next';
import type { StatusEntry } from '../../shared/catalogue';
import type { Language } from '../../shared/domain';
import { customerStatuses } from '../store/catalogue';
import type { QueueFilter } from '../store/queue';

interface Props {
  filter: QueueFilter;
  statuses: readonly StatusEntry[];
  onChange(filter: Partial<QueueFilter>): void;
}

export function QueueFilters({ filter, statuses, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  return (
    <div className="filters">
      <label>
        {t('filter.customerStatus')}{' '}
        <select
          value={filter.customerStatus ?? '*'}
          onChange={(e) =>
            onChange({ customerStatus: e.target.value === '*' ? null : e.target.value })
          }
        >
          <option value="*">{t('filter.all')}</option>
          <option value="">{t('filter.noStatus')}</option>
          {customerStatuses(statuses).map((s) => (
            <option key={s.code} value={s.code}>
              {lang === 'vi' ? s.labelVi : s.labelEn}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filter.source')}{' '}
        <input
          type="search"
          defaultValue={filter.source}
          placeholder={t('filter.sourcePlaceholder')}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange({ source: e.currentTarget.value });
          }}
          onBlur={(e) => {
            if (e.currentTarget.value !== filter.source)
              onChange({ source: e.currentTarget.value });
          }}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={filter.hideNoAction}
          onChange={(e) => onChange({ hideNoAction: e.target.checked })}
        />{' '}
        {t('filter.hideNoAction')}
      </label>
    </div>
  );
}
