import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../store/context';
import { toApiError } from '../store/queue';
import { BackupList } from './BackupList';

/**
 * Shows the app, unless main reports the database damaged (`db_corrupt`: its integrity check
 * failed at start). Then nothing but the message and the backups to restore from.
 */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { client } = useStores();
  const [state, setState] = useState<'checking' | 'ok' | 'corrupt'>('checking');
  useEffect(() => {
    let live = true;
    client
      .call('settings.get', {})
      .then(() => live && setState('ok'))
      // Any other failure is the app's to show; only a damaged database stops it here.
      .catch(
        (err: unknown) =>
          live && setState(toApiError(err).code === 'db_corrupt' ? 'corrupt' : 'ok'),
      );
    return () => {
      live = false;
    };
  }, [client]);

  if (state === 'checking') return <p className="hint">{t('app.loading')}</p>;
  if (state === 'ok') return children;
  return (
    <main className="admin-screen db-corrupt">
      <h1>{t('backups.corruptTitle')}</h1>
      <p role="alert">{t('backups.corruptBody')}</p>
      <h2>{t('backups.restore')}</h2>
      <BackupList client={client} canCreate={false} />
    </main>
  );
}
