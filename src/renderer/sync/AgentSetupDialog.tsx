import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/errors';
import { useStores } from '../app/stores';
import { toApiError } from '../ui/apiError';
import { syncErrorText } from './syncErrorText';
import './sync.css';
import { TEXT_LIMITS } from '../../shared/textLimits';

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
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

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
    const f = error?.fields?.find((x) => x.path === path);
    return f ? t(`errors.${f.key}`) : null;
  };
  const nameError = fieldError('name');
  const codeError = fieldError('code');
  return (
    <div className="agent-setup-backdrop">
      <form
        className="agent-setup-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="agent-setup-title"
        onSubmit={(e) => {
          e.preventDefault();
          setSaving(true);
          setError(null);
          client
            .call('agent.set', { name, code })
            .then(() => setNeeded(false))
            .catch((err: unknown) => setError(toApiError(err)))
            .finally(() => setSaving(false));
        }}
      >
        <h2 id="agent-setup-title">{t('agent.setupTitle')}</h2>
        <p>{t('agent.setupIntro')}</p>
        <div className="field">
          <label htmlFor="agent-name">{t('agent.name')}</label>
          <input
            id="agent-name"
            autoFocus
            autoComplete="name"
            maxLength={TEXT_LIMITS.shortName}
            value={name}
            aria-invalid={nameError !== null}
            onChange={(e) => setName(e.target.value)}
          />
          {nameError && <p className="form__error">{nameError}</p>}
        </div>
        <div className="field">
          <label htmlFor="agent-code">{t('agent.code')}</label>
          <input
            id="agent-code"
            autoComplete="off"
            maxLength={TEXT_LIMITS.agentCode}
            value={code}
            aria-invalid={codeError !== null}
            aria-describedby="agent-code-hint"
            onChange={(e) => setCode(e.target.value)}
          />
          <p id="agent-code-hint" className="hint">
            {t('agent.codeHint')}
          </p>
          {codeError && <p className="form__error">{codeError}</p>}
        </div>
        {error && !nameError && !codeError && (
          <p className="form__error" role="alert">
            {syncErrorText(t, error)}
          </p>
        )}
        <div className="actions">
          <button
            type="submit"
            className="primary"
            disabled={saving || !name.trim() || !code.trim()}
          >
            {saving ? t('agent.saving') : t('agent.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
