import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../api/client';
import { uploadFile } from '../api/uploadFile';
import { stages, type Stage } from '../../shared/domain';
import type { ApiError } from '../../shared/errors';
import type { Agent, BundleImportResult, BundleSummary } from '../../shared/syncApi';
import { formatDateTime } from '../../shared/time';
import { SigningKeyNote } from './SigningKeyNote';
import { syncErrorText } from './syncErrorText';
import { TrustKeyPrompt } from './TrustKeyPrompt';
import { useCatalogue, useSettings, useStores } from '../app/stores';
import { toApiError } from '../ui/apiError';
import './sync.css';
import { entryLabel } from '../workflow/catalogueStore';
import { TEXT_LIMITS } from '../../shared/textLimits';

// The tables a person cares about, in the order they read them.
const shownTables = [
  'leads',
  'calls',
  'dispositions',
  'orders',
  'lead_notes',
  'customer_status_changes',
] as const;

/** The folder main wrote a bundle to (its path without the file name). */
const folderOf = (b: BundleSummary) => b.path.slice(0, b.path.length - b.fileName.length - 1);

/** Uploads every file, or none: a failure cancels the uploads already made. */
async function uploadAll(client: Client, files: File[]): Promise<string[]> {
  const ids: string[] = [];
  try {
    for (const f of files) ids.push(await uploadFile(client, f));
  } catch (err) {
    await Promise.all(
      ids.map((uploadId) => client.call('imports.cancel', { uploadId }).catch(() => undefined)),
    );
    throw err;
  }
  return ids;
}

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
  const statuses = useCatalogue((s) => s.statuses);
  const customerStatuses = useMemo(() => statuses.filter((x) => x.kind === 'customer'), [statuses]);
  const language = useSettings((s) => s.settings.language);
  const [agent, setAgent] = useState<Agent | null>(null);
  const [agents, setAgents] = useState<Agent[]>([]);
  const [status, setStatus] = useState<{ lastExportAt: number | null; pendingChanges: number }>();
  const [dataDir, setDataDir] = useState('');
  const [since, setSince] = useState<'last' | 'all'>('last');
  const [exportName, setExportName] = useState('');
  const [exported, setExported] = useState<BundleSummary | null>(null);
  const [receiveFile, setReceiveFile] = useState<File | null>(null);
  const receiveInput = useRef<HTMLInputElement>(null);
  const [received, setReceived] = useState<BundleImportResult | null>(null);
  const [importFiles, setImportFiles] = useState<File[]>([]);
  const importInput = useRef<HTMLInputElement>(null);
  const [imported, setImported] = useState<BundleImportResult[]>([]);
  const [assign, setAssign] = useState({
    agentCode: '',
    stage: '' as Stage | '',
    source: '',
    customerStatus: '*',
    fileName: '',
  });
  const [assigned, setAssigned] = useState<BundleSummary | null>(null);
  type Action = 'export' | 'receive' | 'import' | 'assign';
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState<{ where: string; error: ApiError } | null>(null);

  const refresh = useCallback(async () => {
    const [me, list, st, info] = await Promise.all([
      client.call('agent.get', {}),
      client.call('agent.list', {}),
      client.call('sync.status', {}),
      client.call('app.info', {}),
    ]);
    setAgent(me.agent);
    setAgents(list);
    setStatus(st);
    setDataDir(info.dataDir);
  }, [client]);
  useEffect(() => {
    void refresh().catch((err: unknown) => setError({ where: 'load', error: toApiError(err) }));
  }, [refresh]);

  const sep = dataDir.includes('\\') ? '\\' : '/';
  const bundlesFolder = dataDir ? `${dataDir}${sep}bundles` : '';
  /** An empty name lets main make one (agent code, date, kind). */
  const named = (name: string) => (name.trim() === '' ? {} : { fileName: name.trim() });
  const run = async (where: Action, fn: () => Promise<void>) => {
    setBusy(where);
    setError(null);
    try {
      await fn();
      await refresh();
    } catch (err) {
      setError({ where, error: toApiError(err) });
    } finally {
      setBusy(null);
    }
  };
  const errorFor = (where: string) =>
    error?.where === where ? (
      <p className="form__error" role="alert">
        {syncErrorText(t, error.error)}
      </p>
    ) : null;

  /** Takes the chosen lead list; also run again once an admin trusted its signer's key. */
  const receive = () =>
    run('receive', async () => {
      if (!receiveFile) return;
      const [uploadId] = await uploadAll(client, [receiveFile]);
      setReceived((await client.call('sync.importAssignment', { uploadId: uploadId! })).result);
      setReceiveFile(null);
      if (receiveInput.current) receiveInput.current.value = '';
    });
  const untrusted =
    error?.where === 'receive' &&
    error.error.code === 'bundle_invalid' &&
    error.error.data?.reason === 'untrusted_key'
      ? error.error
      : null;

  const counts = (c: Record<string, number>) =>
    shownTables
      .filter((k) => (c[k] ?? 0) > 0)
      .map((k) => `${t(`sync.table.${k}`)}: ${c[k]}`)
      .join(' · ') || t('sync.nothing');

  return (
    <section className="sync-admin" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync.title')}</h2>
      <p className="hint">{t('sync.intro')}</p>
      {errorFor('load')}
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

      <form
        aria-labelledby="sync-export-title"
        onSubmit={(e) => {
          e.preventDefault();
          void run('export', async () => {
            setExported(await client.call('sync.exportBundle', { since, ...named(exportName) }));
            setExportName('');
          });
        }}
      >
        <fieldset>
          <legend id="sync-export-title">{t('sync.exportTitle')}</legend>
          <label>
            <input
              type="radio"
              name="since"
              checked={since === 'last'}
              onChange={() => setSince('last')}
            />{' '}
            {t('sync.since.last')}
          </label>{' '}
          <label>
            <input
              type="radio"
              name="since"
              checked={since === 'all'}
              onChange={() => setSince('all')}
            />{' '}
            {t('sync.since.all')}
          </label>
          <div className="field">
            <label htmlFor="sync-export-name">{t('sync.fileName')}</label>
            <input
              id="sync-export-name"
              type="text"
              maxLength={TEXT_LIMITS.fileName}
              value={exportName}
              placeholder={`${agent?.code ?? 'leadphone'}-….lpbundle`}
              onChange={(e) => setExportName(e.target.value)}
            />
            <p className="hint">{t('sync.fileNameHint', { folder: bundlesFolder })}</p>
          </div>
          <button type="submit" className="primary" disabled={busy !== null || !agent}>
            {busy === 'export' ? t('sync.working') : t('sync.export')}
          </button>
          {errorFor('export')}
          {exported && (
            <p role="status" className="sync-result">
              {t('sync.exported', { file: exported.fileName, folder: folderOf(exported) })}{' '}
              {counts(exported.counts)}
            </p>
          )}
        </fieldset>
      </form>

      <form
        aria-labelledby="sync-receive-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (!receiveFile) return;
          setReceived(null);
          void receive();
        }}
      >
        <fieldset>
          <legend id="sync-receive-title">{t('sync.receiveTitle')}</legend>
          <div className="field">
            <label htmlFor="sync-receive-file">{t('sync.receiveFile')}</label>
            <input
              id="sync-receive-file"
              ref={receiveInput}
              type="file"
              accept=".lpbundle"
              onChange={(e) => setReceiveFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <button type="submit" className="primary" disabled={busy !== null || !receiveFile}>
            {busy === 'receive' ? t('sync.working') : t('sync.receive')}
          </button>
          {errorFor('receive')}
          {received && (
            <p role="status" className="sync-result">
              {t('sync.received', {
                count: (received.counts.leads?.added ?? 0) + (received.counts.leads?.updated ?? 0),
                name: received.agent.name,
              })}
              {received.signedBy && (
                <>
                  {' '}
                  {t('sync.key.receivedFrom', {
                    label: received.signedBy.label,
                    fingerprint: received.signedBy.fingerprint,
                  })}
                </>
              )}
            </p>
          )}
        </fieldset>
      </form>
      {/* Outside the form: the PIN prompt in it is a form of its own. */}
      {untrusted && receiveFile && <TrustKeyPrompt refusal={untrusted} onTrusted={receive} />}

      <form
        aria-labelledby="sync-import-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (importFiles.length === 0) return;
          void run('import', async () => {
            setImported([]);
            const uploadIds = await uploadAll(client, importFiles);
            setImported((await client.call('sync.importBundles', { uploadIds })).results);
            setImportFiles([]);
            if (importInput.current) importInput.current.value = '';
          });
        }}
      >
        <fieldset>
          <legend id="sync-import-title">{t('sync.importTitle')}</legend>
          <div className="field">
            <label htmlFor="sync-import-files">{t('sync.importFiles')}</label>
            <input
              id="sync-import-files"
              ref={importInput}
              type="file"
              accept=".lpbundle"
              multiple
              onChange={(e) => setImportFiles([...(e.target.files ?? [])])}
            />
          </div>
          <button
            type="submit"
            className="primary"
            disabled={busy !== null || importFiles.length === 0}
          >
            {busy === 'import' ? t('sync.working') : t('sync.import')}
          </button>
          {errorFor('import')}
          {imported.length > 0 && (
            <table className="leads admin" aria-label={t('sync.importResult')}>
              <thead>
                <tr>
                  <th>{t('sync.file')}</th>
                  <th>{t('sync.from')}</th>
                  {shownTables.map((k) => (
                    <th key={k}>{t(`sync.table.${k}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {imported.map((r) => (
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
                ))}
              </tbody>
            </table>
          )}
        </fieldset>
      </form>

      <form
        aria-labelledby="sync-assign-title"
        onSubmit={(e) => {
          e.preventDefault();
          void run('assign', async () => {
            setAssigned(
              await client.call('sync.assignLeads', {
                agentCode: assign.agentCode,
                ...named(assign.fileName),
                filter: {
                  stage: assign.stage === '' ? null : assign.stage,
                  source: assign.source.trim() === '' ? null : assign.source.trim(),
                  customerStatus: assign.customerStatus === '*' ? null : assign.customerStatus,
                },
              }),
            );
          });
        }}
      >
        <fieldset>
          <legend id="sync-assign-title">{t('sync.assignTitle')}</legend>
          <div className="field">
            <label htmlFor="sync-assign-agent">{t('sync.assignAgent')}</label>
            <input
              id="sync-assign-agent"
              type="text"
              list="sync-known-agents"
              maxLength={TEXT_LIMITS.agentCode}
              value={assign.agentCode}
              onChange={(e) => setAssign({ ...assign, agentCode: e.target.value })}
            />
            <datalist id="sync-known-agents">
              {agents.map((a) => (
                <option key={a.id} value={a.code}>
                  {a.name}
                </option>
              ))}
            </datalist>
          </div>
          <div className="field">
            <label htmlFor="sync-assign-stage">{t('sync.assignStage')}</label>
            <select
              id="sync-assign-stage"
              value={assign.stage}
              onChange={(e) => setAssign({ ...assign, stage: e.target.value as Stage | '' })}
            >
              <option value="">{t('sync.any')}</option>
              {stages.map((s) => (
                <option key={s} value={s}>
                  {t(`stage.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="sync-assign-source">{t('sync.assignSource')}</label>
            <input
              id="sync-assign-source"
              type="text"
              maxLength={TEXT_LIMITS.source}
              value={assign.source}
              placeholder={t('sync.any')}
              onChange={(e) => setAssign({ ...assign, source: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="sync-assign-status">{t('sync.assignStatus')}</label>
            <select
              id="sync-assign-status"
              value={assign.customerStatus}
              onChange={(e) => setAssign({ ...assign, customerStatus: e.target.value })}
            >
              <option value="*">{t('sync.any')}</option>
              <option value="">{t('sync.noStatus')}</option>
              {customerStatuses.map((s) => (
                <option key={s.code} value={s.code}>
                  {entryLabel(s, language)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="sync-assign-name">{t('sync.fileName')}</label>
            <input
              id="sync-assign-name"
              type="text"
              maxLength={TEXT_LIMITS.fileName}
              value={assign.fileName}
              placeholder={`${assign.agentCode || '…'}-….lpbundle`}
              onChange={(e) => setAssign({ ...assign, fileName: e.target.value })}
            />
          </div>
          <SigningKeyNote />
          <button
            type="submit"
            className="primary"
            disabled={busy !== null || !agent || !assign.agentCode.trim()}
          >
            {busy === 'assign' ? t('sync.working') : t('sync.assign')}
          </button>
          {errorFor('assign')}
          {assigned && (
            <p role="status" className="sync-result">
              {t('sync.assigned', {
                count: assigned.counts.leads ?? 0,
                code: assign.agentCode,
                file: assigned.fileName,
                folder: folderOf(assigned),
              })}
              {assigned.signedBy && (
                <> {t('sync.key.signedWith', { fingerprint: assigned.signedBy.fingerprint })}</>
              )}
            </p>
          )}
        </fieldset>
      </form>
    </section>
  );
}
