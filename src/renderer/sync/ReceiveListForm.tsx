import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleImportResult } from '../../shared/syncApi';
import { useStores } from '../app/stores';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { uploadAll, type SyncForm } from './bundles';
import { SyncError } from './SyncError';
import { TrustKeyPrompt } from './TrustKeyPrompt';

/** "Nhận danh sách": an agent takes the lead list a supervisor assigned them. */
export function ReceiveListForm({ action, run }: SyncForm) {
  const { t } = useTranslation();
  const { client } = useStores();
  const [file, setFile] = useState<File | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const [received, setReceived] = useState<BundleImportResult | null>(null);

  /** Takes the chosen lead list; also run again once an admin trusted its signer's key. */
  const receive = () =>
    run('receive', async () => {
      if (!file) return;
      const [uploadId] = await uploadAll(client, [file]);
      setReceived((await client.call('sync.importAssignment', { uploadId: uploadId! })).result);
      setFile(null);
      if (input.current) input.current.value = '';
    });
  const refusal = action.errorOf('receive');
  const untrusted =
    refusal?.code === 'bundle_invalid' && refusal.data?.reason === 'untrusted_key' ? refusal : null;

  return (
    <>
      <form
        aria-labelledby="sync-receive-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) return;
          setReceived(null);
          void receive();
        }}
      >
        <fieldset>
          <legend id="sync-receive-title">{t('sync.receiveTitle')}</legend>
          <Field id="sync-receive-file" label={t('sync.receiveFile')}>
            <input
              id="sync-receive-file"
              ref={input}
              type="file"
              accept=".lpbundle"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Field>
          <Button type="submit" variant="primary" disabled={action.busy !== null || !file}>
            {action.busy === 'receive' ? t('sync.working') : t('sync.receive')}
          </Button>
          <SyncError action={action} name="receive" />
          {received && (
            <p role="status" className="sync-result">
              {t('sync.received', {
                count: (received.counts.leads?.added ?? 0) + (received.counts.leads?.updated ?? 0),
                name: received.agent.name,
              })}
              {received.signedBy && (
                <>
                  {' '}
                  {t('sync.key.receivedFrom', {
                    label: received.signedBy.label,
                    fingerprint: received.signedBy.fingerprint,
                  })}
                </>
              )}
            </p>
          )}
        </fieldset>
      </form>
      {/* Outside the form: the PIN prompt in it is a form of its own. */}
      {untrusted && file && (
        <TrustKeyPrompt
          refusal={untrusted}
          onTrusted={async () => {
            await receive();
          }}
        />
      )}
    </>
  );
}
