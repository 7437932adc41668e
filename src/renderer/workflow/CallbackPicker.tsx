import { useTranslation } from 'react-i18next';
import { withinCallingHours, type CallingWindow } from '../../shared/callingHours';
import { fromLocalInput, localTime, quickCallbackTimes, toLocalInput } from '../../shared/time';
import { Button } from '../ui/Button';
import { Checkbox } from '../ui/Checkbox';

interface Props {
  value: number | null;
  now: number;
  timeZone: string;
  callingWindow: CallingWindow;
  consent: boolean;
  error?: string;
  onChange(at: number | null): void;
  onConsent(consent: boolean): void;
}

const quickKeys = ['inOneHour', 'inTwoHours', 'thisEvening', 'tomorrowMorning'] as const;

/** A callback time in the configured time zone, with the panel's quick choices. */
export function CallbackPicker({
  value,
  now,
  timeZone,
  callingWindow,
  consent,
  error,
  onChange,
  onConsent,
}: Props) {
  const { t } = useTranslation();
  const quick = quickCallbackTimes(now, timeZone);
  const outside = value !== null && !withinCallingHours(value, callingWindow, timeZone);
  const today = callingWindow[localTime(value ?? now, timeZone).weekday];
  return (
    <fieldset className="callback">
      <legend>{t('disposition.callbackAt')}</legend>
      <div className="quick">
        {quickKeys.map((k) => (
          <Button key={k} onClick={() => onChange(quick[k])}>
            {t(`disposition.quick.${k}`)}
          </Button>
        ))}
      </div>
      <input
        type="datetime-local"
        aria-label={t('disposition.callbackAt')}
        value={value === null ? '' : toLocalInput(value, timeZone)}
        onChange={(e) => onChange(fromLocalInput(e.target.value, timeZone))}
        aria-invalid={error ? true : undefined}
      />
      {error && (
        <p className="field__error" role="alert">
          {t(error)}
        </p>
      )}
      {outside && (
        <div className="warning" role="status">
          <p>
            {t('disposition.outsideHours', { window: today ? `${today.start}–${today.end}` : '—' })}
          </p>
          <Checkbox label={t('disposition.consent')} checked={consent} onChange={onConsent} />
        </div>
      )}
    </fieldset>
  );
}
