import { useTranslation } from 'react-i18next';
import { useReminders, useSettings, useStores } from '../app/stores';
import { ReminderCard, type ReminderActions } from './ReminderCard';
import { Button } from '../ui/Button';

/** Due callbacks as banners, and the ones missed while the app was closed, shown once as a list. */
export function ReminderBanners({ actions }: { actions: ReminderActions }) {
  const { t } = useTranslation();
  const { reminders } = useStores();
  const banners = useReminders((s) => s.banners);
  const missed = useReminders((s) => s.missed);
  const timeZone = useSettings((s) => s.settings.timeZone);
  if (banners.length === 0 && missed.length === 0) return null;
  return (
    <section className="reminders" aria-label={t('reminders.title')}>
      {missed.length > 0 && (
        <div
          className="reminders__missed"
          role="region"
          aria-label={t('reminders.missed', { count: missed.length })}
        >
          <h2>
            {t('reminders.missed', { count: missed.length })}{' '}
            <Button onClick={() => void reminders.getState().acknowledgeMissed()}>
              {t('reminders.dismissAll')}
            </Button>
          </h2>
          {missed.map((r) => (
            <ReminderCard key={r.id} reminder={r} timeZone={timeZone} actions={actions} />
          ))}
        </div>
      )}
      {banners.map((r) => (
        <ReminderCard key={r.id} reminder={r} timeZone={timeZone} actions={actions} />
      ))}
    </section>
  );
}
