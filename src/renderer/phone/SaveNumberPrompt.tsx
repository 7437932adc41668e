import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../shared/domain';
import type { ApiError } from '../../shared/errors';
import type { Client } from '../api/client';
import { createActionKey } from '../api/actionKey';
import { toApiError } from '../ui/apiError';
import { useShownNumber } from '../access/useShownNumber';
import { TEXT_LIMITS } from '../../shared/textLimits';

interface Props {
  number: string;
  client: Client;
  onSaved(lead: Lead): void;
  onSkip(): void;
}

/** After an unknown caller's call: keep the number as a new lead (seed 004's GoCALL note). */
export function SaveNumberPrompt({ number, client, onSaved, onSkip }: Props) {
  const { t } = useTranslation();
  const shown = useShownNumber();
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveKey] = useState(createActionKey);
  return (
    <form
      className="save-number"
      aria-label={t('phone.saveNumber.title')}
      onSubmit={(e) => {
        e.preventDefault();
        setSaving(true);
        setError(null);
        client
          .call('leads.add', {
            name: name.trim(),
            phone: number,
            source: t('phone.saveNumber.source'),
            idempotencyKey: saveKey.get(),
          })
          .then(
            (lead) => {
              saveKey.done();
              onSaved(lead);
            },
            (err: unknown) => setError(toApiError(err)),
          )
          .finally(() => setSaving(false));
      }}
      onKeyDown={(e) => e.key === 'Escape' && onSkip()}
    >
      <h2>{t('phone.saveNumber.title')}</h2>
      <p>{t('phone.saveNumber.text', { number: shown(number, number) })}</p>
      <label className="field">
        {t('phone.saveNumber.name')}
        <input
          autoFocus
          maxLength={TEXT_LIMITS.name}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      {error && (
        <p className="form__error" role="alert">
          {error.fields?.length
            ? t(`errors.${error.fields[0]!.key}`)
            : t(`errors.code.${error.code}`)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving || !name.trim()}>
          {t('phone.saveNumber.save')}
        </button>
        <button type="button" onClick={onSkip}>
          {t('phone.saveNumber.skip')}
        </button>
      </div>
    </form>
  );
}
