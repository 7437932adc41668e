import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallingWindow } from '../../shared/callingHours';
import type { ApiError } from '../../shared/errors';
import { useSettings, useStores } from '../app/stores';
import { toApiError } from '../ui/apiError';

/** Decree 91/2020: the hours agents may call, per weekday. */
export function CallingHoursAdmin() {
  const { t } = useTranslation();
  const { client } = useStores();
  const saved = useSettings((s) => s.settings.callingWindow);
  const [hours, setHours] = useState<CallingWindow>(saved);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const days = t('weekday', { returnObjects: true }) as string[];
  const setDay = (i: number, value: CallingWindow[number]) =>
    setHours(hours.map((w, j) => (j === i ? value : w)));
  return (
    <section>
      <h2>{t('admin.callingHours')}</h2>
      <table className="leads admin">
        <thead>
          <tr>
            <th>{t('admin.day')}</th>
            <th>{t('admin.from')}</th>
            <th>{t('admin.to')}</th>
            <th>{t('admin.closed')}</th>
          </tr>
        </thead>
        <tbody>
          {[1, 2, 3, 4, 5, 6, 0].map((i) => {
            const w = hours[i];
            return (
              <tr key={i}>
                <td>{days[i]}</td>
                <td>
                  <input
                    type="time"
                    aria-label={`${days[i]} ${t('admin.from')}`}
                    disabled={!w}
                    value={w?.start ?? ''}
                    onChange={(e) => w && setDay(i, { ...w, start: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="time"
                    aria-label={`${days[i]} ${t('admin.to')}`}
                    disabled={!w}
                    value={w?.end ?? ''}
                    onChange={(e) => w && setDay(i, { ...w, end: e.target.value })}
                  />
                </td>
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
          })}
        </tbody>
      </table>
      <button
        type="button"
        className="primary"
        onClick={() => {
          setError(null);
          setDone(false);
          client
            .call('settings.update', { callingWindow: hours })
            .then(() => setDone(true))
            .catch((err: unknown) => setError(toApiError(err)));
        }}
      >
        {t('admin.saveHours')}
      </button>
      {done && <span role="status"> {t('admin.saved')}</span>}
      {error && (
        <p className="form__error" role="alert">
          {error.fields?.length
            ? t(`errors.${error.fields[0]!.key}`)
            : t(`errors.code.${error.code}`)}
        </p>
      )}
    </section>
  );
}
