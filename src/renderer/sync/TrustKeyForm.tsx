import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustedKey } from '../../shared/syncApi';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { useStores } from '../app/stores';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';

/** "Thêm khoá": a supervisor's public key pasted by hand, with a name to know it by. */
export function TrustKeyForm({
  run,
  onTrusted,
}: {
  /** Runs the trust as the screen's action (its refusal shows under the screen). */
  run(work: () => Promise<unknown>): Promise<boolean>;
  /** Reads the trusted keys again. */
  onTrusted(): Promise<void>;
}) {
  const { t } = useTranslation();
  const { client } = useStores();
  const [publicKey, setPublicKey] = useState('');
  const [label, setLabel] = useState('');
  const [added, setAdded] = useState<TrustedKey | null>(null);
  return (
    <>
      <Form
        className="admin-add"
        aria-label={t('sync.key.addTitle')}
        onSubmit={() => {
          setAdded(null);
          void run(async () => {
            const k = await client.call('sync.trustKey', { publicKey, label });
            setAdded(k);
            setPublicKey('');
            setLabel('');
            await onTrusted();
          });
        }}
      >
        <h3>{t('sync.key.addTitle')}</h3>
        <Field id="trust-public-key" label={t('sync.key.pasteKey')}>
          <input
            id="trust-public-key"
            type="text"
            className="mono"
            maxLength={TEXT_LIMITS.publicKey}
            value={publicKey}
            onChange={(e) => setPublicKey(e.target.value)}
          />
        </Field>
        <Field id="trust-label" label={t('sync.key.label')}>
          <input
            id="trust-label"
            type="text"
            maxLength={TEXT_LIMITS.shortName}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
        </Field>
        <Button type="submit" disabled={!publicKey.trim() || !label.trim()}>
          {t('sync.key.add')}
        </Button>
      </Form>
      {added && (
        <p className="notice" role="status">
          {t('sync.key.added', { fingerprint: added.fingerprint, label: added.label })}
        </p>
      )}
    </>
  );
}
