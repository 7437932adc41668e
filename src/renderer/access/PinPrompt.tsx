import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../app/stores';
import { Button } from '../ui/Button';
import { ErrorText } from '../ui/ErrorText';
import { useAction } from '../ui/useAction';
import { useApplyStatus } from './accessStore';
import { pinErrorText } from './pinError';
import { PinField } from './PinField';
import { Form } from '../ui/Form';

/**
 * Asks for the admin PIN and unlocks this connection (main enforces the wait after failures).
 * `id` tells two prompts on one screen apart (the admin gate's and a sync refusal's).
 */
export function PinPrompt({ id = 'unlock-pin' }: { id?: string } = {}) {
  const { t } = useTranslation();
  const { client } = useStores();
  const applyStatus = useApplyStatus();
  const [pin, setPin] = useState('');
  const action = useAction<'unlock'>();
  return (
    <Form
      className="pin-prompt"
      onSubmit={() => {
        void action
          .run('unlock', () => client.call('auth.unlock', { pin }).then(applyStatus))
          .then(() => setPin(''));
      }}
    >
      <PinField
        id={id}
        label={t('access.enterPin')}
        autoFocus
        value={pin}
        invalid={action.error !== null}
        onChange={setPin}
      />
      <ErrorText>{action.error && pinErrorText(t, action.error)}</ErrorText>
      <Button type="submit" variant="primary" disabled={action.busy !== null || pin.length === 0}>
        {t('access.unlock')}
      </Button>
    </Form>
  );
}
