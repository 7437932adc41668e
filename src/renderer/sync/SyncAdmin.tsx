import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/time';
import { useSettings, useStores } from '../app/stores';
import { useAction, useLoad } from '../ui/useAction';
import { AssignLeadsForm } from './AssignLeadsForm';
import type { SyncActionName, SyncForm } from './bundles';
import { ExportBundleForm } from './ExportBundleForm';
import { ImportBundlesForm } from './ImportBundlesForm';
import { ReceiveListForm } from './ReceiveListForm';
import { SyncError } from './SyncSubmit';

/**
 * "Đồng bộ": an agent sends their work as a bundle file; a supervisor imports agents' bundles
 * and hands lead lists out. No path is ever sent to main: it writes bundles into its bundles
 * folder (the user may give a bare name), and files to import are chosen with a file input and
 * uploaded in chunks, the same way over Electron IPC and the browser host.
 */
export function SyncAdmin() {
  const { t } = useTranslation();
  const { client } = useStores();
  const timeZone = useSettings((s) => s.settings.timeZone);
  const action = useAction<SyncActionName>();
  const { fail, run: runAction } = action;
  const { value, reload } = useLoad(
    useCallback(async () => {
      const [me, agents, status, info] = await Promise.all([
        client.call('agent.get', {}),
        client.call('agent.list', {}),
        client.call('sync.status', {}),
        client.call('app.info', {}),
      ]);
      return { agent: me.agent, agents, status, dataDir: info.dataDir };
    }, [client]),
    null,
    useCallback((err: unknown) => fail('load', err), [fail]),
  );
  const run: SyncForm['run'] = useCallback(
    (name, work) =>
      runAction(name, async () => {
        await work();
        await reload();
      }),
    [runAction, reload],
  );

  const agent = value?.agent ?? null;
  const status = value?.status;
  const dataDir = value?.dataDir ?? '';
  const sep = dataDir.includes('\\') ? '\\' : '/';
  const bundlesFolder = dataDir ? `${dataDir}${sep}bundles` : '';

  return (
    <section className="sync-admin" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync.title')}</h2>
      <p className="hint">{t('sync.intro')}</p>
      <SyncError action={action} name="load" />
      <p>
        {agent ? t('agent.profile', { name: agent.name, code: agent.code }) : t('agent.none')}
        {status && (
          <>
            {' · '}
            {status.lastExportAt === null
              ? t('sync.never')
              : t('sync.lastExport', { time: formatDateTime(status.lastExportAt, timeZone) })}
            {' · '}
            {t('sync.pending', { count: status.pendingChanges })}
          </>
        )}
      </p>
      <ExportBundleForm action={action} run={run} agent={agent} bundlesFolder={bundlesFolder} />
      <ReceiveListForm action={action} run={run} />
      <ImportBundlesForm action={action} run={run} timeZone={timeZone} />
      <AssignLeadsForm action={action} run={run} agent={agent} agents={value?.agents ?? []} />
    </section>
  );
}
