import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ExportKind, ExportReport } from '../../shared/exportTypes';
import { exportKinds } from '../../shared/exportTypes';
import type { Stage } from '../../shared/domain';
import { useCatalogue } from '../app/stores';
import { ApiCallError, type Client } from '../api/client';
import { CustomerStatusFilter } from '../leads/CustomerStatusFilter';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { Button } from '../ui/Button';
import { ErrorText } from '../ui/ErrorText';
import { StageOptions } from '../leads/StageOptions';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; id: string; done: number; total: number }
  | { kind: 'finished'; report: ExportReport }
  | { kind: 'failed'; message: string };

/** Leads, calls or orders of the chosen range to a CSV or XLSX file, with progress and cancel. */
export function ExportPanel({ client, from, to }: { client: Client; from: number; to: number }) {
  const { t } = useTranslation();
  const statuses = useCatalogue((s) => s.statuses);
  const [stage, setStage] = useState<Stage | null>(null);
  // null: any; '': leads with no customer status.
  const [customerStatus, setCustomerStatus] = useState<string | null>(null);
  const [source, setSource] = useState('');
  const [what, setWhat] = useState<ExportKind>('calls');
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const runningId = state.kind === 'running' ? state.id : null;

  useEffect(() => {
    if (!runningId) return;
    return client.on('export.progress', (p) => {
      if (p.id === runningId) {
        setState((s) => (s.kind === 'running' ? { ...s, done: p.done, total: p.total } : s));
      }
    });
  }, [client, runningId]);

  const start = async () => {
    const id = crypto.randomUUID();
    setState({ kind: 'running', id, done: 0, total: 0 });
    try {
      const report = await client.call('exports.start', {
        id,
        kind: what,
        format,
        filter: {
          from,
          to,
          stage,
          customerStatus,
          source: source.trim() === '' ? null : source.trim(),
        },
      });
      setState({ kind: 'finished', report });
    } catch (err) {
      const message =
        err instanceof ApiCallError ? t(`errors.code.${err.error.code}`) : String(err);
      setState({ kind: 'failed', message });
    }
  };

  return (
    <section className="report export-panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('reports.export.title')}</h2>
      <p className="muted">{t('reports.export.note')}</p>
      <div className="export-panel__form">
        <label>
          {t('reports.export.kind')}{' '}
          <select value={what} onChange={(e) => setWhat(e.target.value as ExportKind)}>
            {exportKinds.map((k) => (
              <option key={k} value={k}>
                {t(`reports.export.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.export.format')}{' '}
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            <option value="xlsx">Excel (.xlsx)</option>
            <option value="csv">CSV (.csv)</option>
          </select>
        </label>
        <label>
          {t('reports.export.stage')}{' '}
          <select
            value={stage ?? '*'}
            onChange={(e) => setStage(e.target.value === '*' ? null : (e.target.value as Stage))}
          >
            <option value="*">{t('filter.all')}</option>
            <StageOptions />
          </select>
        </label>
        <CustomerStatusFilter
          value={customerStatus}
          statuses={statuses}
          onChange={setCustomerStatus}
        />
        <label>
          {t('filter.source')}{' '}
          <input
            type="search"
            maxLength={TEXT_LIMITS.source}
            value={source}
            placeholder={t('filter.sourcePlaceholder')}
            onChange={(e) => setSource(e.target.value)}
          />
        </label>
        {state.kind === 'running' ? (
          <Button onClick={() => void client.call('exports.cancel', { id: state.id })}>
            {t('reports.export.cancel')}
          </Button>
        ) : (
          <Button variant="primary" onClick={() => void start()}>
            {t('reports.export.start')}
          </Button>
        )}
      </div>
      {state.kind === 'running' && (
        <p role="status">
          <progress max={Math.max(1, state.total)} value={state.done} />{' '}
          {t('reports.export.progress', { done: state.done, total: state.total })}
        </p>
      )}
      {state.kind === 'finished' && (
        <p role="status">
          {state.report.cancelled
            ? t('reports.export.cancelled')
            : t('reports.export.done', { rows: state.report.rows, path: state.report.path })}
        </p>
      )}
      <ErrorText>{state.kind === 'failed' && state.message}</ErrorText>
    </section>
  );
}
