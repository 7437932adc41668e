import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/errors';
import { roleAllows } from '../../shared/roles';
import { PinPrompt } from '../access/PinPrompt';
import { useAccess, useApplyStatus } from '../access/accessStore';
import { useStores } from '../app/stores';
import { toApiError } from '../ui/apiError';
import { syncErrorText } from './syncErrorText';

/**
 * Under a lead list refused for an untrusted key: the key's fingerprint to compare with the
 * supervisor's screen, and, for an admin (the PIN unlocks this window), "trust and take the
 * list". The window is locked again right after, so the agent's desk does not stay admin.
 */
export function TrustKeyPrompt({
  refusal,
  onTrusted,
}: {
  refusal: ApiError;
  /** Takes the list again once the key is trusted. */
  onTrusted(): Promise<void>;
}) {
  const { t } = useTranslation();
  const { client } = useStores();
  const applyStatus = useApplyStatus();
  const status = useAccess((s) => s.status);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const data = refusal.data ?? {};
  const print = String(data.fingerprint ?? '');
  const signer = `${String(data.signerName ?? '')} (${String(data.signerCode ?? '')})`;
  const admin = status !== null && roleAllows(status.role, 'admin');

  const trust = async () => {
    setBusy(true);
    setError(null);
    try {
      await client.call('sync.trustKey', { publicKey: String(data.publicKey), label: signer });
      if (status?.unlockedUntil) applyStatus(await client.call('auth.lock', {}));
      await onTrusted();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sync-trust" role="group" aria-label={t('sync.key.trustTitle')}>
      <p>
        {t('sync.key.fingerprintOf', { signer })}{' '}
        <strong className="mono sync-fingerprint">{print}</strong>
      </p>
      <p className="hint">{t('sync.key.trustCompare', { signer })}</p>
      {admin ? (
        <button type="button" className="primary" disabled={busy} onClick={() => void trust()}>
          {t('sync.key.trustAndReceive', { fingerprint: print })}
        </button>
      ) : (
        <>
          <p>{t('sync.key.trustNeedsAdmin')}</p>
          <PinPrompt id="trust-key-pin" />
        </>
      )}
      {error && (
        <p className="form__error" role="alert">
          {syncErrorText(t, error)}
        </p>
      )}
    </div>
  );
}
