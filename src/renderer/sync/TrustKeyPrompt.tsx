import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/errors';
import { roleAllows } from '../../shared/roles';
import { useAccess, useApplyStatus } from '../access/accessStore';
import { PinPrompt } from '../access/PinPrompt';
import { useStores } from '../app/stores';
import { Button } from '../ui/Button';
import { ErrorText } from '../ui/ErrorText';
import { useAction } from '../ui/useAction';
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
  const action = useAction<'trust'>();
  const data = refusal.data ?? {};
  const print = String(data.fingerprint ?? '');
  const signer = `${String(data.signerName ?? '')} (${String(data.signerCode ?? '')})`;
  const admin = status !== null && roleAllows(status.role, 'admin');

  const trust = () =>
    action.run('trust', async () => {
      await client.call('sync.trustKey', { publicKey: String(data.publicKey), label: signer });
      if (status?.unlockedUntil) applyStatus(await client.call('auth.lock', {}));
      await onTrusted();
    });

  return (
    <div className="sync-trust" role="group" aria-label={t('sync.key.trustTitle')}>
      <p>
        {t('sync.key.fingerprintOf', { signer })}{' '}
        <strong className="mono sync-fingerprint">{print}</strong>
      </p>
      <p className="hint">{t('sync.key.trustCompare', { signer })}</p>
      {admin ? (
        <Button variant="primary" disabled={action.busy !== null} onClick={() => void trust()}>
          {t('sync.key.trustAndReceive', { fingerprint: print })}
        </Button>
      ) : (
        <>
          <p>{t('sync.key.trustNeedsAdmin')}</p>
          <PinPrompt id="trust-key-pin" />
        </>
      )}
      <ErrorText>{action.error && syncErrorText(t, action.error)}</ErrorText>
    </div>
  );
}
