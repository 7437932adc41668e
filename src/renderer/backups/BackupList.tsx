import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../shared/api/backups';
import { formatDateTime } from '../../shared/time';
import type { Client } from '../api/client';
import { toApiError } from '../ui/apiError';

function sizeText(bytes: number): string {
  return bytes >= 1 << 20
    ? `${(bytes / (1 << 20)).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * The backups, newest first, each with "Khôi phục" (confirmed inline); "Sao lưu ngay" unless the
 * database is damaged. A restore is applied when LeadPhone next starts.
 */
export function BackupList({ client, canCreate }: { client: Client; canCreate: boolean }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<BackupInfo[] | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const fail = useCallback(
    (err: unknown) => setMessage({ text: t(`errors.code.${toApiError(err).code}`), error: true }),
    [t],
  );
  const load = useCallback(() => {
    client
      .call('backups.list', {})
      .then((list) => {
        setItems(list.items);
        setPending(list.restorePending);
      })
      .catch(fail);
  }, [client, fail]);
  useEffect(load, [load]);

  const timeOf = (name: string | null) => {
    const b = items?.find((i) => i.name === name);
    return b ? formatDateTime(b.createdAt) : (name ?? '');
  };

  return (
    <div className="backups">
      {canCreate && (
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setMessage(null);
            client
              .call('backups.create', {})
              .then((b) => {
                setMessage({
                  text: t('backups.created', { time: formatDateTime(b.createdAt) }),
                  error: false,
                });
                load();
              })
              .catch(fail)
              .finally(() => setBusy(false));
          }}
        >
          {busy ? t('backups.creating') : t('backups.createNow')}
        </button>
      )}
      {pending && (
        <p className="notice" role="status">
          {t('backups.pending', { time: timeOf(pending) })} {t('backups.restartNow')}
        </p>
      )}
      {items && items.length === 0 && <p className="hint">{t('backups.empty')}</p>}
      {items && items.length > 0 && (
        <table className="leads admin">
          <thead>
            <tr>
              <th>{t('backups.when')}</th>
              <th>{t('backups.kind')}</th>
              <th>{t('backups.size')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((b) => (
              <tr key={b.name}>
                <td>{formatDateTime(b.createdAt)}</td>
                <td>{t(`backups.kinds.${b.kind}`)}</td>
                <td>{sizeText(b.size)}</td>
                <td>
                  {confirming === b.name ? (
                    <span role="group" aria-label={t('backups.restore')}>
                      {t('backups.confirm', { time: formatDateTime(b.createdAt) })}{' '}
                      <button
                        type="button"
                        className="primary"
                        onClick={() => {
                          setConfirming(null);
                          setMessage(null);
                          client
                            .call('backups.restore', { name: b.name })
                            .then(() => setPending(b.name))
                            .catch(fail);
                        }}
                      >
                        {t('backups.yes')}
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(null)}>
                        {t('backups.no')}
                      </button>
                    </span>
                  ) : (
                    <button type="button" onClick={() => setConfirming(b.name)}>
                      {t('backups.restoreThis')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {message && (
        <p
          className={message.error ? 'form__error' : 'notice'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
