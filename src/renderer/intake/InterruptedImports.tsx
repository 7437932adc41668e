import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterruptedImport } from '../../shared/intakeApi';
import { formatDateTime } from '../../shared/time';
import type { Client } from '../api/client';
import { Button } from '../ui/Button';

/**
 * Imports that a crash or a power cut stopped, said once at start: how far each got, with
 * "Tiếp tục nhập" (the same file and columns again; rows already in are counted unchanged) and
 * "Bỏ qua".
 */
export function InterruptedImports({
  client,
  onResume,
}: {
  client: Client;
  onResume(run: InterruptedImport): void;
}) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<InterruptedImport[]>([]);
  useEffect(() => {
    client
      .call('imports.interrupted', {})
      .then((r) => setItems(r.items))
      .catch(() => setItems([]));
  }, [client]);
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'vi-VN');
  const drop = (runId: string) => setItems((all) => all.filter((r) => r.runId !== runId));
  if (items.length === 0) return null;
  return (
    <div className="notice interrupted-imports" role="alert">
      {items.map((run) => (
        <p key={run.runId}>
          {t('import.interrupted', {
            file: run.fileName,
            time: formatDateTime(run.startedAt),
            done: number.format(run.rowsDone),
            total: number.format(run.totalEstimate),
          })}{' '}
          {run.canResume ? (
            <Button
              onClick={() => {
                drop(run.runId);
                onResume(run);
              }}
            >
              {t('import.resume')}
            </Button>
          ) : (
            <span>{t('import.resumeFileGone')}</span>
          )}{' '}
          <Button
            onClick={() => {
              drop(run.runId);
              void client.call('imports.dismiss', { runId: run.runId }).catch(() => undefined);
            }}
          >
            {t('import.dismiss')}
          </Button>
        </p>
      ))}
    </div>
  );
}
