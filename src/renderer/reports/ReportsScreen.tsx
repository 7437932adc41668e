import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnd } from '../../shared/orders';
import { reachRate, type Reports } from '../../shared/reportTypes';
import { zonedInstant } from '../../shared/time';
import { ApiCallError } from '../api/client';
import {
  CallbacksChart,
  CallsPerDayChart,
  ConversionsChart,
  OutcomesChart,
  PerAgentChart,
  TalkTimeChart,
} from './ReportCharts';
import { DateRangePicker, lastDays, type DayRange } from './DateRangePicker';
import { ExportPanel } from '../export/ExportPanel';
import { ReportSection } from './ReportSection';
import {
  callbacksTable,
  callsPerDayTable,
  conversionsTable,
  outcomesTable,
  perAgentTable,
  talkTimeTable,
} from './reportTables';
import { useSettings, useStores } from '../app/stores';
import './reports.css';

/** [start of the first day, start of the day after the last) in the zone. */
function instantsOf(range: DayRange, timeZone: string): { from: number; to: number } {
  const [fy, fm, fd] = range.from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = range.to.split('-').map(Number) as [number, number, number];
  return {
    from: zonedInstant(fy, fm, fd, 0, timeZone),
    to: zonedInstant(ty, tm, td + 1, 0, timeZone),
  };
}

type Load =
  | { status: 'loading' }
  | { status: 'ready'; reports: Reports }
  | { status: 'error'; message: string };

/** The supervisor's numbers: charts people would rather look at, each with its table. */
export function ReportsScreen() {
  const { t } = useTranslation();
  const { client } = useStores();
  const settings = useSettings((s) => s.settings);
  const tz = settings.timeZone;
  const language = settings.language;
  const [now] = useState(() => Date.now());
  const [range, setRange] = useState<DayRange>(() => lastDays(7, now, tz));
  const instants = useMemo(() => instantsOf(range, tz), [range, tz]);
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    setLoad({ status: 'loading' });
    client.call('reports.get', instants).then(
      (reports) => live && setLoad({ status: 'ready', reports }),
      (err: unknown) =>
        live &&
        setLoad({
          status: 'error',
          message:
            err instanceof ApiCallError
              ? err.error.fields?.map((f) => t(`errors.${f.key}`)).join(' ') ||
                t(`errors.code.${err.error.code}`)
              : String(err),
        }),
    );
    return () => {
      live = false;
    };
  }, [client, instants, t]);

  const suffix = `${range.from}_${range.to}`;
  const r = load.status === 'ready' ? load.reports : null;
  const totals = r && {
    calls: r.days.reduce((n, d) => n + d.calls, 0),
    reached: r.days.reduce((n, d) => n + d.reached, 0),
    talk: r.days.reduce((n, d) => n + d.talkSeconds, 0),
  };

  return (
    <main className="reports-screen" aria-labelledby="reports-title">
      <header className="reports-screen__header">
        <h1 id="reports-title">{t('reports.title')}</h1>
        <DateRangePicker value={range} now={now} timeZone={tz} onChange={setRange} />
      </header>
      {load.status === 'loading' && <p role="status">{t('reports.loading')}</p>}
      {load.status === 'error' && (
        <p className="form__error" role="alert">
          {t('reports.loadError', { message: load.message })}
        </p>
      )}
      {r && totals && (
        <>
          <dl className="report-totals">
            <div>
              <dt>{t('reports.totals.calls')}</dt>
              <dd data-total="calls">{totals.calls}</dd>
            </div>
            <div>
              <dt>{t('reports.totals.reachRate')}</dt>
              <dd data-total="reachRate">{reachRate(totals.reached, totals.calls)}%</dd>
            </div>
            <div>
              <dt>{t('reports.totals.talk')}</dt>
              <dd>{Math.round(totals.talk / 60)} min</dd>
            </div>
            <div>
              <dt>{t('reports.totals.orders')}</dt>
              <dd data-total="orders">{r.conversions.orders}</dd>
            </div>
            <div>
              <dt>{t('reports.totals.orderValue')}</dt>
              <dd>{formatVnd(r.conversions.orderValue)}</dd>
            </div>
          </dl>
          <p className="muted">{t('reports.reachedNote')}</p>
          <div className="reports-grid">
            <ReportSection
              id="callsPerDay"
              title={t('reports.section.callsPerDay')}
              table={callsPerDayTable(r, t)}
              fileName={`cuoc-goi-theo-ngay_${suffix}`}
            >
              <CallsPerDayChart r={r} />
            </ReportSection>
            <ReportSection
              id="talkTime"
              title={t('reports.section.talkTime')}
              table={talkTimeTable(r, t)}
              fileName={`thoi-gian-dam-thoai_${suffix}`}
            >
              <TalkTimeChart r={r} />
            </ReportSection>
            <ReportSection
              id="outcomes"
              title={t('reports.section.outcomes')}
              table={outcomesTable(r, t, language)}
              fileName={`ket-qua-cuoc-goi_${suffix}`}
            >
              <OutcomesChart r={r} language={language} />
            </ReportSection>
            <ReportSection
              id="conversions"
              title={t('reports.section.conversions')}
              table={conversionsTable(r, t)}
              fileName={`chuyen-doi_${suffix}`}
            >
              <ConversionsChart r={r} />
            </ReportSection>
            <ReportSection
              id="callbacks"
              title={t('reports.section.callbacks')}
              table={callbacksTable(r, t)}
              fileName={`hen-goi-lai_${suffix}`}
            >
              <CallbacksChart r={r} />
            </ReportSection>
            <ReportSection
              id="perAgent"
              title={t('reports.section.perAgent')}
              table={perAgentTable(r, t)}
              fileName={`theo-nhan-vien_${suffix}`}
            >
              <PerAgentChart r={r} />
            </ReportSection>
          </div>
          <ExportPanel client={client} from={instants.from} to={instants.to} />
        </>
      )}
    </main>
  );
}
