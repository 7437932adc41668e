import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Language } from '../../shared/domain';
import { importFields, type ImportField, type TextEncoding } from '../../shared/importTypes';
import type { ImportStore } from './importStore';
import { ImportMappingTable } from './ImportMappingTable';
import { ImportReportView } from './ImportReportView';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { Button } from '../ui/Button';
import { fieldsText } from '../ui/apiError';
import { ErrorText } from '../ui/ErrorText';
import { Field } from '../ui/Field';
import { Checkbox } from '../ui/Checkbox';

interface Props {
  store: ImportStore;
  language: Language;
  onClose(): void;
}

/** Code pages a file is converted from, by name (UTF-16 is Unicode already: nothing to say). */
const CODE_PAGES: Partial<Record<TextEncoding, string>> = {
  windows1258: 'Windows-1258',
  windows1252: 'Windows-1252',
};

// Rounded down: 99.6 % is not done. 100 % is shown by the report itself.
const percent = (fraction: number) => Math.min(99, Math.floor(fraction * 100));

/** Import leads from Marketing's CSV/XLSX: choose, check the columns, import, read the report. */
export function ImportDialog({ store, language, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const s = useStore(store);
  const number = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && s.step !== 'importing') {
        void store.getState().reset();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, onClose, s.step]);

  const errorText = s.error && fieldsText(t, s.error);
  const mapped = (field: ImportField) => s.mapping?.columns[field] ?? null;
  // A file of one row: nothing to import while that row is taken for the headers.
  const headerOnly =
    !!s.preview?.warnings.includes('no_data_rows') &&
    (!!s.mapping?.hasHeader || s.preview.headers.length === 0);

  return (
    <section className="import" role="dialog" aria-modal="false" aria-labelledby="import-title">
      <header className="import__head">
        <h2 id="import-title">{t('import.title')}</h2>
        {s.step !== 'importing' && (
          <Button
            onClick={() => {
              void store.getState().reset();
              onClose();
            }}
          >
            {t('import.close')}
          </Button>
        )}
      </header>

      {s.step === 'choose' && (
        <Field id="import-file" label={t('import.choose')} hint={t('import.chooseHint')}>
          <input
            id="import-file"
            type="file"
            accept=".csv,.tsv,.txt,.xlsx"
            autoFocus
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void store.getState().choose(file);
            }}
          />
        </Field>
      )}

      {(s.step === 'uploading' || s.step === 'importing') && (
        <div className="import__progress">
          <p>
            {s.step === 'uploading'
              ? t('import.uploading', { file: s.fileName })
              : t('import.importing', {
                  done: number.format(s.progress.done),
                  total: number.format(s.progress.total),
                })}
          </p>
          <progress
            aria-label={t('import.progress')}
            value={Math.round(s.progress.fraction * 1000)}
            max={1000}
          />
          <span aria-hidden>{percent(s.progress.fraction)}%</span>
          <Button onClick={() => void store.getState().cancel()}>{t('import.cancel')}</Button>
        </div>
      )}

      {s.step === 'preview' && s.preview && s.mapping && (
        <div className="import__preview">
          <p>
            {t('import.previewOf', { file: s.fileName })}{' '}
            {s.preview.warnings.includes('not_utf8') && (
              <strong role="alert">{t('import.notUtf8')}</strong>
            )}
            {s.preview.encoding && CODE_PAGES[s.preview.encoding] && (
              <strong role="status">
                {t('import.converted', { encoding: CODE_PAGES[s.preview.encoding] })}
              </strong>
            )}
          </p>
          {headerOnly && (
            <p className="form__error" role="alert">
              {t('import.noDataRows')}
            </p>
          )}
          <div className="import__options">
            {s.preview.sheetNames && s.preview.sheetNames.length > 1 && (
              <label>
                {t('import.sheet')}{' '}
                <select
                  value={s.sheet}
                  onChange={(e) => void store.getState().reread({ sheet: e.target.value })}
                >
                  {s.preview.sheetNames.map((n) => (
                    <option key={n}>{n}</option>
                  ))}
                </select>
              </label>
            )}
            {s.preview.kind === 'csv' && (
              <label>
                {t('import.delimiter')}{' '}
                <select
                  value={s.delimiter}
                  onChange={(e) =>
                    void store.getState().reread({ delimiter: e.target.value as ',' | ';' | '\t' })
                  }
                >
                  <option value=",">{t('import.delimiters.comma')}</option>
                  <option value=";">{t('import.delimiters.semicolon')}</option>
                  <option value={'\t'}>{t('import.delimiters.tab')}</option>
                </select>
              </label>
            )}
            <Checkbox
              label={t('import.hasHeader')}
              checked={s.mapping.hasHeader}
              onChange={(checked) => store.getState().setHasHeader(checked)}
            />
            <label>
              {t('import.defaultSource')}{' '}
              <input
                maxLength={TEXT_LIMITS.source}
                value={s.mapping.defaultSource ?? ''}
                onChange={(e) => store.getState().setDefaultSource(e.target.value)}
                placeholder={t('import.defaultSourceHint')}
              />
            </label>
          </div>
          <div className="import__fields" role="group" aria-label={t('import.mapping')}>
            {importFields.map((field) => (
              <label key={field}>
                {t(`import.field.${field}`)}{' '}
                <select
                  aria-label={t(`import.field.${field}`)}
                  value={mapped(field) ?? ''}
                  onChange={(e) =>
                    store
                      .getState()
                      .setColumn(field, e.target.value === '' ? null : Number(e.target.value))
                  }
                >
                  <option value="">{t('import.notImported')}</option>
                  {s.preview!.headers.map((h, i) => (
                    <option key={i} value={i}>
                      {t('import.column', { n: i + 1, header: s.mapping!.hasHeader ? h : '' })}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <ImportMappingTable preview={s.preview} mapping={s.mapping} />
          <ErrorText>{errorText}</ErrorText>
          <div className="actions">
            <Button
              variant="primary"
              disabled={headerOnly}
              onClick={() => void store.getState().run()}
            >
              {t('import.start')}
            </Button>
            <Button onClick={() => void store.getState().reset()}>{t('import.other')}</Button>
          </div>
        </div>
      )}

      {s.step === 'choose' && <ErrorText>{errorText}</ErrorText>}

      {s.step === 'report' && s.report && (
        <ImportReportView
          report={s.report}
          fileName={s.fileName}
          language={language}
          onDone={() => {
            void store.getState().reset();
            onClose();
          }}
        />
      )}
    </section>
  );
}
