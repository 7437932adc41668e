import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../app/stores';
import { toApiError } from '../ui/apiError';
import { BackupList } from './BackupList';

type GateState = 'checking' | 'ok' | 'corrupt' | 'full';

/**
 * Shows the app, unless main reports the database damaged (`db_corrupt`: its integrity check
 * failed at start, or `database.damaged` while running). Then nothing but the message and the
 * backups to restore from. A disk too full for the file to open at all (`disk_full` here) shows
 * a message until `storage.changed` says there is room again.
 */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { client } = useStores();
  const [state, setState] = useState<GateState>('checking');
  useEffect(() => {
    let live = true;
    const check = () =>
      client
        .call('settings.get', {})
        .then(() => live && setState('ok'))
        // Any other failure is the app's to show; only a damaged or unopenable database stops it.
        .catch((err: unknown) => {
          if (!live) return;
          const { code } = toApiError(err);
          setState(code === 'db_corrupt' ? 'corrupt' : code === 'disk_full' ? 'full' : 'ok');
        });
    void check();
    const offs = [
      client.on('database.damaged', () => live && setState('corrupt')),
      client.on('storage.changed', (s) => {
        if (!s.diskFull) void check();
      }),
      // What happened while the connection was down (the browser host) was not pushed here.
      client.on('connection.restored', () => void check()),
    ];
    return () => {
      live = false;
      offs.forEach((off) => off());
    };
  }, [client]);

  if (state === 'checking') return <p className="hint">{t('app.loading')}</p>;
  if (state === 'ok') return children;
  if (state === 'full') {
    return (
      <main className="admin-screen">
        <h1>{t('storage.fullTitle')}</h1>
        <p role="alert">{t('storage.waitingBody')}</p>
      </main>
    );
  }
  return (
    <main className="admin-screen db-corrupt">
      <h1>{t('backups.corruptTitle')}</h1>
      <p role="alert">{t('backups.corruptBody')}</p>
      <h2>{t('backups.restore')}</h2>
      <BackupList client={client} canCreate={false} />
    </main>
  );
}
