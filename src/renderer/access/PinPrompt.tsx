import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../ui/apiError';
import { useStores } from '../app/stores';
import { useApplyStatus } from './accessStore';
import { pinErrorText } from './pinError';
import { TEXT_LIMITS } from '../../shared/textLimits';

/**
 * Asks for the admin PIN and unlocks this connection (main enforces the wait after failures).
 * `id` tells two prompts on one screen apart (the admin gate's and a sync refusal's).
 */
export function PinPrompt({ id = 'unlock-pin' }: { id?: string } = {}) {
  const { t } = useTranslation();
  const { client } = useStores();
  const applyStatus = useApplyStatus();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="pin-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        client
          .call('auth.unlock', { pin })
          .then((status) => applyStatus(status))
          .catch((err: unknown) => setError(pinErrorText(t, toApiError(err))))
          .finally(() => {
            setBusy(false);
            setPin('');
          });
      }}
    >
      <div className="field">
        <label htmlFor={id}>{t('access.enterPin')}</label>
        <input
          id={id}
          type="password"
          inputMode="numeric"
          maxLength={TEXT_LIMITS.pin}
          autoComplete="off"
          autoFocus
          value={pin}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setPin(e.target.value)}
        />
      </div>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || pin.length === 0}>
        {t('access.unlock')}
      </button>
    </form>
  );
}
