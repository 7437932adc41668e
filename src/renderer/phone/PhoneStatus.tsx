import { Grid3x3 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhone, usePhoneController } from './phoneContext';
import { useNow } from '../ui/useNow';
import { canDial, registrationKey } from './phoneStore';
import { DialPad } from './DialPad';
import { Button } from '../ui/Button';
import { Checkbox } from '../ui/Checkbox';

/** The top bar's phone line: registration state, retry, the dial pad and power mode toggles. */
export function PhoneStatus() {
  const { t } = useTranslation();
  const phone = usePhoneController();
  const [dialpadOpen, setDialpadOpen] = useState(false);
  const ready = usePhone(canDial);
  const registration = usePhone((s) => s.registration);
  const powerMode = usePhone((s) => s.powerMode);
  const now = useNow(1000, registration.retryAt !== null);
  const key = registrationKey(registration);
  const retryIn =
    registration.retryAt !== null
      ? Math.max(0, Math.ceil((registration.retryAt - now) / 1000))
      : null;
  const text =
    t(`phone.status.${key}`) +
    (retryIn !== null && key === 'network' ? ` — ${t('phone.retryIn', { seconds: retryIn })}` : '');
  return (
    <div className="phone-status">
      {/* One line in the top bar, cut short if need be; the tooltip has all of it. */}
      <span
        className={`phone-status__line phone-status__line--${registration.state}`}
        role="status"
        aria-label={t('phone.statusLabel')}
        title={
          registration.accountName
            ? `${text} — ${t('phone.account', { name: registration.accountName })}`
            : text
        }
      >
        {text}
      </span>
      {registration.state === 'failed' && (
        <Button onClick={() => phone.retryRegistration()}>{t('phone.retry')}</Button>
      )}
      <Button
        icon={Grid3x3}
        label={t('phone.dialpad')}
        aria-expanded={dialpadOpen}
        onClick={() => setDialpadOpen(!dialpadOpen)}
      />
      {dialpadOpen && (
        <DialPad
          canDial={ready}
          onClose={() => setDialpadOpen(false)}
          onDial={(number) => {
            setDialpadOpen(false);
            void phone.callNumber(number);
          }}
        />
      )}
      <Checkbox
        className="switch"
        label={t('phone.power.mode')}
        checked={powerMode}
        onChange={(checked) => phone.setPowerMode(checked)}
      />
    </div>
  );
}
