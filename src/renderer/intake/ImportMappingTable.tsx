import { useTranslation } from 'react-i18next';
import {
  importFields,
  type ImportMappingInput,
  type ImportPreview,
} from '../../shared/importTypes';

/** The file's first rows with, over each column, the lead field it feeds. */
export function ImportMappingTable({
  preview,
  mapping,
}: {
  preview: ImportPreview;
  mapping: ImportMappingInput;
}) {
  const { t } = useTranslation();
  const fieldOf = (col: number) => importFields.find((f) => mapping.columns[f] === col);
  const rows = mapping.hasHeader ? preview.sampleRows : [preview.headers, ...preview.sampleRows];
  return (
    <div className="import__sample">
      <table aria-label={t('import.sample')}>
        <thead>
          <tr>
            {preview.headers.map((h, i) => {
              const field = fieldOf(i);
              return (
                <th key={i} className={field ? 'mapped' : 'unmapped'}>
                  <span className="import__field">
                    {field ? t(`import.field.${field}`) : t('import.notImported')}
                  </span>
                  {mapping.hasHeader && <span className="import__header">{h}</span>}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 8).map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
