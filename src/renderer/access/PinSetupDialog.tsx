import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../ui/apiError';
import { useStores } from '../app/stores';
import { useAccess, useApplyStatus } from './accessStore';
import { pinErrorText } from './pinError';
import './access.css';
import { TEXT_LIMITS } from '../../shared/textLimits';

/**
 * First start: "Tạo mã PIN quản trị". Shown while no admin PIN exists. Independent of the
 * other first-start dialogs; App renders it before them, so theirs is on top and this one is
 * what remains once they are done.
 */
export function PinSetupDialog() {
  const { t } = useTranslation();
  const { client } = useStores();
  const applyStatus = useApplyStatus();
  const hasPin = useAccess((s) => s.status?.hasPin ?? true);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (hasPin) return null;
  return (
    <div className="first-start-backdrop">
      <form
        className="first-start-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="pin-setup-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (pin !== again) {
            setError(t('access.pinMismatch'));
            return;
          }
          setError(null);
          client
            .call('auth.setupPin', { pin })
            .then((status) => applyStatus(status))
            .catch((err: unknown) => setError(pinErrorText(t, toApiError(err))));
        }}
      >
        <h2 id="pin-setup-title">{t('access.setupTitle')}</h2>
        <p>{t('access.setupIntro')}</p>
        <div className="field">
          <label htmlFor="setup-pin">{t('access.pin')}</label>
          <input
            id="setup-pin"
            type="password"
            inputMode="numeric"
            maxLength={TEXT_LIMITS.pin}
            autoComplete="new-password"
            autoFocus
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="setup-pin-again">{t('access.pinAgain')}</label>
          <input
            id="setup-pin-again"
            type="password"
            inputMode="numeric"
            maxLength={TEXT_LIMITS.pin}
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
          />
        </div>
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={!pin || !again}>
            {t('access.create')}
          </button>
        </div>
      </form>
    </div>
  );
}
