import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustedKey } from '../../shared/syncApi';
import { formatDateTime } from '../../shared/time';
import { useSettings, useStores } from '../app/stores';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { ErrorText } from '../ui/ErrorText';
import { useAction, useLoad } from '../ui/useAction';
import { syncErrorText } from './syncErrorText';
import { TrustKeyForm } from './TrustKeyForm';

const none: TrustedKey[] = [];

/**
 * Admin only (inside a RoleGate): the supervisors' keys whose lead lists this desk takes. A key
 * is usually trusted from the first list it signed (the fingerprint shown there); here it can
 * also be pasted, and dropped.
 */
export function TrustedKeysAdmin() {
  const { t } = useTranslation();
  const { client } = useStores();
  const timeZone = useSettings((s) => s.settings.timeZone);
  const action = useAction<'load' | 'untrust' | 'trust'>();
  const { fail } = action;
  const keys = useLoad(
    useCallback(() => client.call('sync.trustedKeys', {}), [client]),
    none,
    useCallback((err: unknown) => fail('load', err), [fail]),
  );

  return (
    <section className="sync-admin trusted-keys" aria-labelledby="trusted-keys-title">
      <h2 id="trusted-keys-title">{t('sync.key.trustedTitle')}</h2>
      <p className="hint">{t('sync.key.trustedHint')}</p>
      <DataTable
        rows={keys.value}
        label={t('sync.key.trustedTitle')}
        headers={[t('sync.key.fingerprint'), t('sync.key.label'), t('sync.key.since'), '']}
        empty={<p>{t('sync.key.trustedNone')}</p>}
        row={(k) => (
          <tr key={k.publicKey}>
            <td className="mono">{k.fingerprint}</td>
            <td>{k.label}</td>
            <td>{formatDateTime(k.trustedAt, timeZone)}</td>
            <td>
              <Button
                onClick={() =>
                  void action.run('untrust', async () => {
                    await client.call('sync.untrustKey', { publicKey: k.publicKey });
                    await keys.reload();
                  })
                }
              >
                {t('sync.key.untrust')}
              </Button>
            </td>
          </tr>
        )}
      />
      <TrustKeyForm run={(work) => action.run('trust', work)} onTrusted={keys.reload} />
      <ErrorText>{action.error && syncErrorText(t, action.error)}</ErrorText>
    </section>
  );
}
