import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reports } from '../../shared/reportTypes';
import { zonedInstant } from '../../shared/time';
import { ApiCallError } from '../api/client';
import { useSettings, useStores } from '../app/stores';
import { ExportPanel } from '../export/ExportPanel';
import { fieldsText } from '../ui/apiError';
import { ErrorText } from '../ui/ErrorText';
import { DateRangePicker, lastDays, type DayRange } from './DateRangePicker';
import { reportSections } from './reportSections';
import { ReportSection } from './ReportSection';
import { ReportTotals } from './ReportTotals';

/** [start of the first day, start of the day after the last) in the zone. */
function instantsOf(range: DayRange, timeZone: string): { from: number; to: number } {
  const [fy, fm, fd] = range.from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = range.to.split('-').map(Number) as [number, number, number];
  return {
    from: zonedInstant(fy, fm, fd, 0, timeZone),
    to: zonedInstant(ty, tm, td + 1, 0, timeZone),
  };
}

/** What the screen shows of the reports: loading, them, or why not. */
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
  // The answer to the latest read, kept with what it was read for: until the answer for the
  // range (and language) on screen arrives, the screen says it is loading.
  const [answer, setAnswer] = useState<{ for: object; t: unknown; load: Load } | null>(null);
  const load: Load =
    answer && answer.for === instants && answer.t === t ? answer.load : { status: 'loading' };

  useEffect(() => {
    let live = true;
    const show = (load: Load) => live && setAnswer({ for: instants, t, load });
    client.call('reports.get', instants).then(
      (reports) => show({ status: 'ready', reports }),
      (err: unknown) =>
        show({
          status: 'error',
          message: err instanceof ApiCallError ? fieldsText(t, err.error) : String(err),
        }),
    );
    return () => {
      live = false;
    };
  }, [client, instants, t]);

  const suffix = `${range.from}_${range.to}`;
  const r = load.status === 'ready' ? load.reports : null;

  return (
    <main className="reports-screen" aria-labelledby="reports-title">
      <header className="reports-screen__header">
        <h1 id="reports-title">{t('reports.title')}</h1>
        <DateRangePicker value={range} now={now} timeZone={tz} onChange={setRange} />
      </header>
      {load.status === 'loading' && <p role="status">{t('reports.loading')}</p>}
      <ErrorText>
        {load.status === 'error' && t('reports.loadError', { message: load.message })}
      </ErrorText>
      {r && (
        <>
          <ReportTotals r={r} />
          <p className="muted">{t('reports.reachedNote')}</p>
          <div className="reports-grid">
            {reportSections.map((section) => (
              <ReportSection
                key={section.id}
                id={section.id}
                title={t(`reports.section.${section.id}`)}
                table={section.table(r, t, language)}
                fileName={`${section.file}_${suffix}`}
              >
                {section.chart(r, language)}
              </ReportSection>
            ))}
          </div>
          <ExportPanel client={client} from={instants.from} to={instants.to} />
        </>
      )}
    </main>
  );
}
