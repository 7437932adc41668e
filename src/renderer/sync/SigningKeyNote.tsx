import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAllows } from '../../shared/roles';
import type { SigningKeyView } from '../../shared/syncApi';
import { useAccess } from '../access/accessStore';
import { useStores } from '../app/stores';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { Field } from '../ui/Field';

/**
 * A supervisor's screen: the key every lead list is signed with. The fingerprint is what the
 * supervisor reads out to the admin of an agent's desk, who compares it before trusting the key;
 * the public key itself may be copied and sent (it is not secret).
 */
export function SigningKeyNote() {
  const { t } = useTranslation();
  const { client } = useStores();
  const role = useAccess((s) => s.status?.role ?? null);
  const may = role !== null && roleAllows(role, 'supervisor');
  const [key, setKey] = useState<SigningKeyView | null>(null);
  useEffect(() => {
    if (!may) return;
    let live = true;
    client
      .call('sync.signingKey', {})
      .then((k) => live && setKey(k))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client, may]);
  if (!may || !key) return null;
  return (
    <div className="sync-key" aria-label={t('sync.key.own')}>
      <p>
        {t('sync.key.own')}:{' '}
        <strong className="mono sync-fingerprint" data-testid="own-fingerprint">
          {key.fingerprint}
        </strong>
      </p>
      <p className="hint">{t('sync.key.ownHint')}</p>
      <Field id="sync-own-public-key" label={t('sync.key.publicKey')}>
        <input
          id="sync-own-public-key"
          type="text"
          className="mono"
          readOnly
          maxLength={TEXT_LIMITS.publicKey}
          value={key.publicKey}
          onFocus={(e) => e.target.select()}
        />
      </Field>
    </div>
  );
}
