import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../app/stores';
import { toApiError } from '../ui/apiError';
import { Button } from '../ui/Button';
import { MessageText, type Message } from '../ui/MessageText';

/** "Lưu thông tin chẩn đoán": anyone may pack the logs and versions for support. */
export function DiagnosticsSection() {
  const { t } = useTranslation();
  const { client } = useStores();
  const [message, setMessage] = useState<Message | null>(null);
  return (
    <section className="diagnostics">
      <h2>{t('access.diagnostics')}</h2>
      <p className="hint">{t('access.diagnosticsHint')}</p>
      <Button
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
      </Button>
      <MessageText message={message} />
    </section>
  );
}
