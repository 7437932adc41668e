import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/domain';
import { importReportCsv } from '../../shared/importReportCsv';
import type { ImportReport } from '../../shared/importTypes';
import { Button } from '../ui/Button';
import { downloadCsv } from '../ui/download';

/** Counts, and every rejected or flagged row as a CSV to download: nothing lost unexplained. */
export function ImportReportView({
  report,
  fileName,
  language,
  onDone,
}: {
  report: ImportReport;
  fileName: string;
  language: Language;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const c = report.counts;
  const rows: [string, number][] = [
    ['rowsRead', c.rowsRead],
    ['newLeads', c.newLeads],
    ['mergedDuplicates', c.mergedDuplicates],
    ['invalidPhones', c.invalidPhones],
    ['rejected', c.rejected],
  ];
  return (
    <div className="import__report" role="status">
      <p>{report.cancelled ? t('import.report.cancelled') : t('import.report.done')}</p>
      <dl>
        {rows.map(([key, value]) => (
          <div key={key} data-count={key}>
            <dt>{t(`import.report.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {report.lines.length > 0 && (
        <Button
          onClick={() =>
            downloadCsv(
              `${fileName.replace(/\.[^.]+$/, '')}-${t('import.report.fileSuffix')}.csv`,
              importReportCsv(report, language),
            )
          }
        >
          {t('import.report.download', { count: report.lines.length })}
        </Button>
      )}
      {(report.linesOmitted ?? 0) > 0 && (
        <p className="hint">{t('import.report.linesOmitted', { count: report.linesOmitted })}</p>
      )}
      <div className="actions">
        <Button variant="primary" onClick={onDone} autoFocus>
          {t('import.report.close')}
        </Button>
      </div>
    </div>
  );
}
