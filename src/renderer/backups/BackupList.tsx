import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/time';
import type { Client } from '../api/client';
import { toApiError } from '../ui/apiError';
import { Button } from '../ui/Button';
import { ConfirmButton } from '../ui/ConfirmButton';
import { DataTable } from '../ui/DataTable';
import { MessageText, type Message } from '../ui/MessageText';
import { useLoad } from '../ui/useAction';

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
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  const fail = useCallback(
    (err: unknown) => setMessage({ text: t(`errors.code.${toApiError(err).code}`), error: true }),
    [t],
  );
  const list = useLoad(
    useCallback(() => client.call('backups.list', {}), [client]),
    null,
    fail,
  );
  const items = list.value?.items ?? null;
  const pending = list.value?.restorePending ?? null;

  const timeOf = (name: string | null) => {
    const b = items?.find((i) => i.name === name);
    return b ? formatDateTime(b.createdAt) : (name ?? '');
  };

  return (
    <div className="backups">
      {canCreate && (
        <Button
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
                list.reload().catch(fail);
              })
              .catch(fail)
              .finally(() => setBusy(false));
          }}
        >
          {busy ? t('backups.creating') : t('backups.createNow')}
        </Button>
      )}
      {pending && (
        <p className="notice" role="status">
          {t('backups.pending', { time: timeOf(pending) })} {t('backups.restartNow')}
        </p>
      )}
      {items && (
        <DataTable
          rows={items}
          headers={[t('backups.when'), t('backups.kind'), t('backups.size'), '']}
          empty={<p className="hint">{t('backups.empty')}</p>}
          row={(b) => (
            <tr key={b.name}>
              <td>{formatDateTime(b.createdAt)}</td>
              <td>{t(`backups.kinds.${b.kind}`)}</td>
              <td>{sizeText(b.size)}</td>
              <td>
                <ConfirmButton
                  label={t('backups.restoreThis')}
                  question={t('backups.confirm', { time: formatDateTime(b.createdAt) })}
                  groupLabel={t('backups.restore')}
                  yes={t('backups.yes')}
                  no={t('backups.no')}
                  open={confirming === b.name}
                  onOpenChange={(open) => setConfirming(open ? b.name : null)}
                  onConfirm={() => {
                    setMessage(null);
                    client
                      .call('backups.restore', { name: b.name })
                      .then(() => list.setValue((l) => l && { ...l, restorePending: b.name }))
                      .catch(fail);
                  }}
                />
              </td>
            </tr>
          )}
        />
      )}
      <MessageText message={message} />
    </div>
  );
}
