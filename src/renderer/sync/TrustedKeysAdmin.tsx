import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/errors';
import type { TrustedKey } from '../../shared/syncApi';
import { formatDateTime } from '../../shared/time';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { useSettings, useStores } from '../app/stores';
import { toApiError } from '../ui/apiError';
import { syncErrorText } from './syncErrorText';
import './sync.css';

/**
 * Admin only (inside a RoleGate): the supervisors' keys whose lead lists this desk takes. A key
 * is usually trusted from the first list it signed (the fingerprint shown there); here it can
 * also be pasted, and dropped.
 */
export function TrustedKeysAdmin() {
  const { t } = useTranslation();
  const { client } = useStores();
  const timeZone = useSettings((s) => s.settings.timeZone);
  const [keys, setKeys] = useState<TrustedKey[]>([]);
  const [publicKey, setPublicKey] = useState('');
  const [label, setLabel] = useState('');
  const [added, setAdded] = useState<TrustedKey | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(
    () =>
      client
        .call('sync.trustedKeys', {})
        .then(setKeys)
        .catch((err: unknown) => setError(toApiError(err))),
    [client],
  );
  useEffect(() => void load(), [load]);

  const act = (p: Promise<unknown>) => {
    setError(null);
    return p.then(load).catch((err: unknown) => setError(toApiError(err)));
  };

  return (
    <section className="sync-admin trusted-keys" aria-labelledby="trusted-keys-title">
      <h2 id="trusted-keys-title">{t('sync.key.trustedTitle')}</h2>
      <p className="hint">{t('sync.key.trustedHint')}</p>
      {keys.length === 0 ? (
        <p>{t('sync.key.trustedNone')}</p>
      ) : (
        <table className="leads admin" aria-label={t('sync.key.trustedTitle')}>
          <thead>
            <tr>
              <th>{t('sync.key.fingerprint')}</th>
              <th>{t('sync.key.label')}</th>
              <th>{t('sync.key.since')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.publicKey}>
                <td className="mono">{k.fingerprint}</td>
                <td>{k.label}</td>
                <td>{formatDateTime(k.trustedAt, timeZone)}</td>
                <td>
                  <button
                    type="button"
                    onClick={() =>
                      void act(client.call('sync.untrustKey', { publicKey: k.publicKey }))
                    }
                  >
                    {t('sync.key.untrust')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="admin-add"
        aria-label={t('sync.key.addTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          setAdded(null);
          void act(
            client.call('sync.trustKey', { publicKey, label }).then((k) => {
              setAdded(k);
              setPublicKey('');
              setLabel('');
            }),
          );
        }}
      >
        <h3>{t('sync.key.addTitle')}</h3>
        <div className="field">
          <label htmlFor="trust-public-key">{t('sync.key.pasteKey')}</label>
          <input
            id="trust-public-key"
            type="text"
            className="mono"
            maxLength={TEXT_LIMITS.publicKey}
            value={publicKey}
            onChange={(e) => setPublicKey(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="trust-label">{t('sync.key.label')}</label>
          <input
            id="trust-label"
            type="text"
            maxLength={TEXT_LIMITS.shortName}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
        </div>
        <button type="submit" disabled={!publicKey.trim() || !label.trim()}>
          {t('sync.key.add')}
        </button>
      </form>
      {added && (
        <p className="notice" role="status">
          {t('sync.key.added', { fingerprint: added.fingerprint, label: added.label })}
        </p>
      )}
      {error && (
        <p className="form__error" role="alert">
          {syncErrorText(t, error)}
        </p>
      )}
    </section>
  );
}
