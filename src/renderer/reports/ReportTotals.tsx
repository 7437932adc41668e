import { useTranslation } from 'react-i18next';
import { formatVnd } from '../../shared/money';
import { reachRate, type Reports } from '../../shared/reportTypes';

/** The range's totals over the charts: calls, reach rate, talk time, orders and their value. */
export function ReportTotals({ r }: { r: Reports }) {
  const { t } = useTranslation();
  const calls = r.days.reduce((n, d) => n + d.calls, 0);
  const reached = r.days.reduce((n, d) => n + d.reached, 0);
  const talk = r.days.reduce((n, d) => n + d.talkSeconds, 0);
  // `total`: the figures a test (or a screen reader's user) looks up by name.
  const totals: { key: string; total?: string; value: string | number }[] = [
    { key: 'calls', total: 'calls', value: calls },
    { key: 'reachRate', total: 'reachRate', value: `${reachRate(reached, calls)}%` },
    { key: 'talk', value: `${Math.round(talk / 60)} min` },
    { key: 'orders', total: 'orders', value: r.conversions.orders },
    { key: 'orderValue', value: formatVnd(r.conversions.orderValue) },
  ];
  return (
    <dl className="report-totals">
      {totals.map(({ key, total, value }) => (
        <div key={key}>
          <dt>{t(`reports.totals.${key}`)}</dt>
          <dd data-total={total}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
