import { useTranslation } from 'react-i18next';
import type { StatusEntry } from '../../shared/catalogue';
import type { QueueFilter } from './queueStore';
import { CustomerStatusFilter } from './CustomerStatusFilter';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { Checkbox } from '../ui/Checkbox';

interface Props {
  filter: QueueFilter;
  statuses: readonly StatusEntry[];
  onChange(filter: Partial<QueueFilter>): void;
}

export function QueueFilters({ filter, statuses, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="filters">
      <CustomerStatusFilter
        value={filter.customerStatus}
        statuses={statuses}
        onChange={(customerStatus) => onChange({ customerStatus })}
      />
      <label>
        {t('filter.source')}{' '}
        <input
          type="search"
          maxLength={TEXT_LIMITS.source}
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
      <Checkbox
        label={t('filter.hideNoAction')}
        checked={filter.hideNoAction}
        onChange={(checked) => onChange({ hideNoAction: checked })}
      />
    </div>
  );
}
