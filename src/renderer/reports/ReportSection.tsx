import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnd } from '../../shared/money';
import { tableCsv, type ReportCell, type ReportTable } from './reportTables';
import { Button } from '../ui/Button';
import { downloadCsv } from '../ui/download';

const numberFormat = new Intl.NumberFormat('vi-VN');

function cellText(cell: ReportCell): string {
  if (typeof cell === 'object') return formatVnd(cell.vnd);
  return typeof cell === 'number' ? numberFormat.format(cell) : cell;
}

/** One chart with the table behind it and a button that downloads that table. */
export function ReportSection({
  id,
  title,
  table,
  fileName,
  children,
}: {
  id: string;
  title: string;
  table: ReportTable;
  fileName: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="report" aria-labelledby={`report-${id}`} data-report={id}>
      <header className="report__header">
        <h2 id={`report-${id}`}>{title}</h2>
        <Button onClick={() => downloadCsv(`${fileName}.csv`, tableCsv(table))}>
          {t('reports.exportThis')}
        </Button>
      </header>
      <div className="report__chart">{children}</div>
      <table className="report__table" aria-label={title}>
        <thead>
          <tr>
            {table.headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j} className={typeof cell === 'string' ? undefined : 'num'}>
                  {cellText(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
