import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, BundleSummary } from '../../shared/syncApi';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { useStores } from '../app/stores';
import { Field } from '../ui/Field';
import { countsText, folderOf, namedFile, type SyncForm } from './bundles';
import { Form } from '../ui/Form';
import { SyncSubmit } from './SyncSubmit';

const SINCE = ['last', 'all'] as const;

/** "Gửi dữ liệu": the agent's work since the last bundle (or all of it) into a bundle file. */
export function ExportBundleForm({
  action,
  run,
  agent,
  bundlesFolder,
}: SyncForm & { agent: Agent | null; bundlesFolder: string }) {
  const { t } = useTranslation();
  const { client } = useStores();
  const [since, setSince] = useState<(typeof SINCE)[number]>('last');
  const [name, setName] = useState('');
  const [exported, setExported] = useState<BundleSummary | null>(null);
  return (
    <Form
      aria-labelledby="sync-export-title"
      onSubmit={() => {
        void run('export', async () => {
          setExported(await client.call('sync.exportBundle', { since, ...namedFile(name) }));
          setName('');
        });
      }}
    >
      <fieldset>
        <legend id="sync-export-title">{t('sync.exportTitle')}</legend>
        {SINCE.map((s) => (
          <Fragment key={s}>
            <label>
              <input type="radio" name="since" checked={since === s} onChange={() => setSince(s)} />{' '}
              {t(`sync.since.${s}`)}
            </label>{' '}
          </Fragment>
        ))}
        <Field
          id="sync-export-name"
          label={t('sync.fileName')}
          hint={t('sync.fileNameHint', { folder: bundlesFolder })}
        >
          <input
            id="sync-export-name"
            type="text"
            maxLength={TEXT_LIMITS.fileName}
            value={name}
            placeholder={`${agent?.code ?? 'leadphone'}-….lpbundle`}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <SyncSubmit
          action={action}
          run={run}
          name="export"
          label={t('sync.export')}
          ready={agent !== null}
          result={
            exported && (
              <>
                {t('sync.exported', { file: exported.fileName, folder: folderOf(exported) })}{' '}
                {countsText(t, exported.counts)}
              </>
            )
          }
        />
      </fieldset>
    </Form>
  );
}
