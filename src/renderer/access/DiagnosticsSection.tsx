import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../ui/apiError';
import { useStores } from '../app/stores';

/** "Lưu thông tin chẩn đoán": anyone may pack the logs and versions for support. */
export function DiagnosticsSection() {
  const { t } = useTranslation();
  const { client } = useStores();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  return (
    <section className="diagnostics">
      <h2>{t('access.diagnostics')}</h2>
      <p className="hint">{t('access.diagnosticsHint')}</p>
      <button
        type="button"
        onClick={() => {
          setMessage(null);
          client
            .call('diagnostics.save', {})
            .then(({ path }) =>
              setMessage({ text: t('access.diagnosticsSaved', { path }), error: false }),
            )
            .catch((err: unknown) =>
              setMessage({ text: t(`errors.code.${toApiError(err).code}`), error: true }),
            );
        }}
      >
        {t('access.saveDiagnostics')}
      </button>
      {message && (
        <p
          className={message.error ? 'form__error' : 'notice'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
