import { useTranslation } from 'react-i18next';
import { localTime } from '../../shared/time';
import { Button } from '../ui/Button';

/** A range of local calendar days, both ends included: `yyyy-MM-dd`. */
export interface DayRange {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local date `days` days from the day of `now` (negative: back). */
export function localDay(now: number, timeZone: string, days = 0): string {
  const l = localTime(now, timeZone);
  const d = new Date(Date.UTC(l.year, l.month - 1, l.day + days));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function lastDays(n: number, now: number, timeZone: string): DayRange {
  return { from: localDay(now, timeZone, -(n - 1)), to: localDay(now, timeZone) };
}

export function DateRangePicker({
  value,
  now,
  timeZone,
  onChange,
}: {
  value: DayRange;
  now: number;
  timeZone: string;
  onChange(range: DayRange): void;
}) {
  const { t } = useTranslation();
  const thisMonth = (): DayRange => {
    const today = localDay(now, timeZone);
    return { from: `${today.slice(0, 8)}01`, to: today };
  };
  return (
    <div className="date-range">
      <label>
        {t('reports.from')}{' '}
        <input
          type="date"
          value={value.from}
          max={value.to}
          onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })}
        />
      </label>
      <label>
        {t('reports.to')}{' '}
        <input
          type="date"
          value={value.to}
          min={value.from}
          onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })}
        />
      </label>
      <Button onClick={() => onChange(lastDays(7, now, timeZone))}>{t('reports.last7')}</Button>
      <Button onClick={() => onChange(lastDays(30, now, timeZone))}>{t('reports.last30')}</Button>
      <Button onClick={() => onChange(thisMonth())}>{t('reports.thisMonth')}</Button>
    </div>
  );
}
