import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../shared/phone';
import { formatShortDateTime } from '../../shared/time';
import { useReminders, useSettings } from '../app/stores';
import { Button } from '../ui/Button';

/** Today's and overdue callbacks in time order. */
export function TodayCallbacks({ now, onOpen }: { now: number; onOpen(leadId: string): void }) {
  const { t } = useTranslation();
  const today = useReminders((s) => s.today);
  const timeZone = useSettings((s) => s.settings.timeZone);
  return (
    <aside className="drawer" aria-label={t('reminders.today')}>
      <h2>{t('reminders.today')}</h2>
      {today.length === 0 ? (
        <p>{t('reminders.none')}</p>
      ) : (
        <ol className="timeline">
          {today.map((r) => (
            <li key={r.id} className={r.dueAt <= now ? 'timeline__item overdue' : 'timeline__item'}>
              <time>{formatShortDateTime(r.dueAt, timeZone)}</time>{' '}
              <Button className="link" onClick={() => onOpen(r.leadId)}>
                {r.leadName}
              </Button>{' '}
              <span className="mono">{formatPhone(r.phone, r.phoneAsGiven)}</span>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
