import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../shared/domain';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { useShownNumber } from '../access/useShownNumber';
import type { Client } from '../api/client';
import { createActionKey } from '../api/actionKey';
import { errorText } from '../ui/apiError';
import { ErrorText } from '../ui/ErrorText';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';
import { Form } from '../ui/Form';
import { FormActions } from '../ui/FormActions';

interface Props {
  number: string;
  client: Client;
  onSaved(lead: Lead): void;
  onSkip(): void;
}

/** After an unknown caller's call: keep the number as a new lead. */
export function SaveNumberPrompt({ number, client, onSaved, onSkip }: Props) {
  const { t } = useTranslation();
  const shown = useShownNumber();
  const [name, setName] = useState('');
  const action = useAction<'save'>();
  const [saveKey] = useState(createActionKey);
  return (
    <Form
      className="save-number"
      aria-label={t('phone.saveNumber.title')}
      onSubmit={() => {
        void action.run('save', async () => {
          const lead = await client.call('leads.add', {
            name: name.trim(),
            phone: number,
            source: t('phone.saveNumber.source'),
            idempotencyKey: saveKey.get(),
          });
          saveKey.done();
          onSaved(lead);
        });
      }}
      onEscape={onSkip}
    >
      <h2>{t('phone.saveNumber.title')}</h2>
      <p>{t('phone.saveNumber.text', { number: shown(number, number) })}</p>
      <Field label={t('phone.saveNumber.name')}>
        <input
          autoFocus
          maxLength={TEXT_LIMITS.name}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <ErrorText>{action.error && errorText(t, action.error)}</ErrorText>
      <FormActions
        submit={t('phone.saveNumber.save')}
        busy={action.busy !== null}
        disabled={!name.trim()}
        cancel={{ label: t('phone.saveNumber.skip'), onClick: onSkip }}
      />
    </Form>
  );
}
