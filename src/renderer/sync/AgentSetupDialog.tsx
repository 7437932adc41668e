import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { useStores } from '../app/stores';
import { fieldErrorKey, toApiError } from '../ui/apiError';
import { Dialog } from '../ui/Dialog';
import { ErrorText } from '../ui/ErrorText';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';
import { syncErrorText } from './syncErrorText';
import { FormActions } from '../ui/FormActions';

const RETRY_MS = 1000;

/**
 * First start: who is this agent? Shown until the install has an agent (name, code), which
 * every call, disposition and order then records. On top of the other first-start dialogs.
 */
export function AgentSetupDialog() {
  const { t } = useTranslation();
  const { client } = useStores();
  const [needed, setNeeded] = useState(false);
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const action = useAction<'save'>();

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The connection may not be up yet at first paint: ask again until main answers.
    const ask = () => {
      client
        .call('agent.get', {})
        .then(({ agent }) => live && setNeeded(agent === null))
        .catch((err: unknown) => {
          if (live && toApiError(err).code === 'transport_closed') {
            timer = setTimeout(ask, RETRY_MS);
          }
        });
    };
    ask();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client]);

  if (!needed) return null;
  const fieldError = (path: string) => {
    const key = fieldErrorKey(action.error, path);
    return key ? t(key) : null;
  };
  const nameError = fieldError('name');
  const codeError = fieldError('code');
  return (
    <Dialog
      id="agent-setup-title"
      title={t('agent.setupTitle')}
      top
      className="agent-setup-dialog"
      onSubmit={() =>
        void action.run('save', async () => {
          await client.call('agent.set', { name, code });
          setNeeded(false);
        })
      }
    >
      <p>{t('agent.setupIntro')}</p>
      <Field id="agent-name" label={t('agent.name')} error={nameError}>
        <input
          id="agent-name"
          autoFocus
          autoComplete="name"
          maxLength={TEXT_LIMITS.shortName}
          value={name}
          aria-invalid={nameError !== null}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field id="agent-code" label={t('agent.code')} hint={t('agent.codeHint')} error={codeError}>
        <input
          id="agent-code"
          autoComplete="off"
          maxLength={TEXT_LIMITS.agentCode}
          value={code}
          aria-invalid={codeError !== null}
          aria-describedby="agent-code-hint"
          onChange={(e) => setCode(e.target.value)}
        />
      </Field>
      <ErrorText>
        {action.error && !nameError && !codeError && syncErrorText(t, action.error)}
      </ErrorText>
      <FormActions
        submit={t('agent.save')}
        busyLabel={t('agent.saving')}
        busy={action.busy !== null}
        disabled={!name.trim() || !code.trim()}
      />
    </Dialog>
  );
}
