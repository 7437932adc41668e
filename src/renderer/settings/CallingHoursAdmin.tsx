import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallingWindow } from '../../shared/callingHours';
import { useSettings, useStores } from '../app/stores';
import { errorText } from '../ui/apiError';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { ErrorText } from '../ui/ErrorText';
import { useAction } from '../ui/useAction';

/** Monday first, as the week is read in Vietnam. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

/** Decree 91/2020: the hours agents may call, per weekday. */
export function CallingHoursAdmin() {
  const { t } = useTranslation();
  const { client } = useStores();
  const saved = useSettings((s) => s.settings.callingWindow);
  const [hours, setHours] = useState<CallingWindow>(saved);
  const action = useAction<'save'>();
  const [done, setDone] = useState(false);
  const days = t('weekday', { returnObjects: true }) as string[];
  const setDay = (i: number, value: CallingWindow[number]) =>
    setHours(hours.map((w, j) => (j === i ? value : w)));
  return (
    <section>
      <h2>{t('admin.callingHours')}</h2>
      <DataTable
        rows={WEEK}
        headers={[t('admin.day'), t('admin.from'), t('admin.to'), t('admin.closed')]}
        row={(i) => {
          const w = hours[i];
          const time = (edge: 'start' | 'end', label: string) => (
            <td>
              <input
                type="time"
                aria-label={`${days[i]} ${label}`}
                disabled={!w}
                value={w?.[edge] ?? ''}
                onChange={(e) => w && setDay(i, { ...w, [edge]: e.target.value })}
              />
            </td>
          );
          return (
            <tr key={i}>
              <td>{days[i]}</td>
              {time('start', t('admin.from'))}
              {time('end', t('admin.to'))}
              <td>
                <input
                  type="checkbox"
                  aria-label={`${days[i]} ${t('admin.closed')}`}
                  checked={!w}
                  onChange={(e) =>
                    setDay(i, e.target.checked ? null : { start: '08:00', end: '17:00' })
                  }
                />
              </td>
            </tr>
          );
        }}
      />
      <Button
        variant="primary"
        onClick={() => {
          setDone(false);
          void action.run('save', async () => {
            await client.call('settings.update', { callingWindow: hours });
            setDone(true);
          });
        }}
      >
        {t('admin.saveHours')}
      </Button>
      {done && <span role="status"> {t('admin.saved')}</span>}
      <ErrorText>{action.error && errorText(t, action.error)}</ErrorText>
    </section>
  );
}
