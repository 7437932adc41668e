import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../app/stores';
import { toApiError } from '../ui/apiError';
import { Dialog } from '../ui/Dialog';
import { ErrorText } from '../ui/ErrorText';
import { useAccess, useApplyStatus } from './accessStore';
import { pinErrorText } from './pinError';
import { PinField } from './PinField';
import { FormActions } from '../ui/FormActions';

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
    <Dialog
      id="pin-setup-title"
      title={t('access.setupTitle')}
      onSubmit={() => {
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
      <p>{t('access.setupIntro')}</p>
      <PinField
        id="setup-pin"
        label={t('access.pin')}
        autoComplete="new-password"
        autoFocus
        value={pin}
        onChange={setPin}
      />
      <PinField
        id="setup-pin-again"
        label={t('access.pinAgain')}
        autoComplete="new-password"
        value={again}
        onChange={setAgain}
      />
      <ErrorText>{error}</ErrorText>
      <FormActions submit={t('access.create')} disabled={!pin || !again} />
    </Dialog>
  );
}
