import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleImportResult } from '../../shared/syncApi';
import { useStores } from '../app/stores';
import { uploadAll, type SyncForm } from './bundles';
import { TrustKeyPrompt } from './TrustKeyPrompt';
import { Form } from '../ui/Form';
import { BundleFileField } from './BundleFileField';
import { SyncSubmit } from './SyncSubmit';

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
      <Form
        aria-labelledby="sync-receive-title"
        onSubmit={() => {
          if (!file) return;
          setReceived(null);
          void receive();
        }}
      >
        <fieldset>
          <legend id="sync-receive-title">{t('sync.receiveTitle')}</legend>
          <BundleFileField
            id="sync-receive-file"
            label={t('sync.receiveFile')}
            inputRef={input}
            onChange={(files) => setFile(files[0] ?? null)}
          />
          <SyncSubmit
            action={action}
            run={run}
            name="receive"
            label={t('sync.receive')}
            ready={file !== null}
            result={
              received && (
                <>
                  {t('sync.received', {
                    count:
                      (received.counts.leads?.added ?? 0) + (received.counts.leads?.updated ?? 0),
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
                </>
              )
            }
          />
        </fieldset>
      </Form>
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
