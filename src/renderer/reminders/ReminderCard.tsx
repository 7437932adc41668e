import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../shared/phone';
import type { ReminderView } from '../../shared/reminders';
import { formatShortDateTime } from '../../shared/time';
import { Button } from '../ui/Button';

export interface ReminderActions {
  call(r: ReminderView): void;
  snooze(r: ReminderView, minutes: number): void;
  open(r: ReminderView): void;
}

/** One callback with what the agent can do about it: call now, snooze 5 or 15 minutes, open. */
export function ReminderCard({
  reminder,
  timeZone,
  actions,
}: {
  reminder: ReminderView;
  timeZone: string;
  actions: ReminderActions;
}) {
  const { t } = useTranslation();
  return (
    <div className="reminder" role="alert" data-reminder-id={reminder.id}>
      <div className="reminder__text">
        <strong>{reminder.leadName}</strong> ·{' '}
        <span className="mono">{formatPhone(reminder.phone, reminder.phoneAsGiven)}</span>
        <span className="reminder__time">
          {' '}
          · {t('reminders.dueAt', { time: formatShortDateTime(reminder.dueAt, timeZone) })}
        </span>
        {reminder.note && <div className="reminder__note">{reminder.note}</div>}
      </div>
      <div className="reminder__actions">
        <Button variant="primary" onClick={() => actions.call(reminder)}>
          {t('reminders.callNow')}
        </Button>
        <Button onClick={() => actions.snooze(reminder, 5)}>
          {t('reminders.snooze', { minutes: 5 })}
        </Button>
        <Button onClick={() => actions.snooze(reminder, 15)}>
          {t('reminders.snooze', { minutes: 15 })}
        </Button>
        <Button onClick={() => actions.open(reminder)}>{t('reminders.open')}</Button>
      </div>
    </div>
  );
}
