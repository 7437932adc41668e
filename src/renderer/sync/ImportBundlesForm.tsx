import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleImportResult } from '../../shared/syncApi';
import { formatDateTime } from '../../shared/time';
import { useStores } from '../app/stores';
import { DataTable } from '../ui/DataTable';
import { shownTables, uploadAll, type SyncForm } from './bundles';
import { Form } from '../ui/Form';
import { BundleFileField } from './BundleFileField';
import { SyncSubmit } from './SyncSubmit';

/** "Nhập dữ liệu": a supervisor takes agents' bundles, and sees what each one added. */
export function ImportBundlesForm({ action, run, timeZone }: SyncForm & { timeZone: string }) {
  const { t } = useTranslation();
  const { client } = useStores();
  const [files, setFiles] = useState<File[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const [imported, setImported] = useState<BundleImportResult[]>([]);
  return (
    <Form
      aria-labelledby="sync-import-title"
      onSubmit={() => {
        if (files.length === 0) return;
        void run('import', async () => {
          setImported([]);
          const uploadIds = await uploadAll(client, files);
          setImported((await client.call('sync.importBundles', { uploadIds })).results);
          setFiles([]);
          if (input.current) input.current.value = '';
        });
      }}
    >
      <fieldset>
        <legend id="sync-import-title">{t('sync.importTitle')}</legend>
        <BundleFileField
          id="sync-import-files"
          label={t('sync.importFiles')}
          inputRef={input}
          multiple
          onChange={setFiles}
        />
        <SyncSubmit
          action={action}
          run={run}
          name="import"
          label={t('sync.import')}
          ready={files.length > 0}
        />
        {imported.length > 0 && (
          <DataTable
            rows={imported}
            label={t('sync.importResult')}
            headers={[
              t('sync.file'),
              t('sync.from'),
              ...shownTables.map((k) => t(`sync.table.${k}`)),
            ]}
            row={(r) => (
              <tr key={r.bundleId}>
                <td className="mono">{r.fileName}</td>
                <td>
                  {r.agent.name} ({r.agent.code}) · {t(`sync.kind.${r.kind}`)} ·{' '}
                  {formatDateTime(r.createdAt, timeZone)}
                </td>
                {shownTables.map((k) => (
                  <td key={k}>
                    {t('sync.addedUpdated', {
                      added: r.counts[k]?.added ?? 0,
                      updated: r.counts[k]?.updated ?? 0,
                    })}
                  </td>
                ))}
              </tr>
            )}
          />
        )}
      </fieldset>
    </Form>
  );
}
