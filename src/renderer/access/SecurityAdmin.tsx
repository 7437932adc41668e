import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../shared/roles';
import { useStores } from '../app/stores';
import { toApiError } from '../ui/apiError';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { MessageText, type Message } from '../ui/MessageText';
import { useAccess, useApplyStatus } from './accessStore';
import { pinErrorText } from './pinError';
import { PinField } from './PinField';
import { Form } from '../ui/Form';
import { Checkbox } from '../ui/Checkbox';

/** Admin only (inside a RoleGate): the install's role, number masking, changing the PIN. */
export function SecurityAdmin() {
  const { t } = useTranslation();
  const { client } = useStores();
  const applyStatus = useApplyStatus();
  const status = useAccess((s) => s.status);
  const [currentPin, setCurrentPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  // The box follows the click at once; main's answer (or its refusal) settles it.
  const [maskingPending, setMaskingPending] = useState<boolean | null>(null);
  if (!status) return null;
  const fail = (err: unknown) =>
    setMessage({ text: pinErrorText(t, toApiError(err)), error: true });
  const apply = (p: Promise<typeof status>) => p.then((s) => applyStatus(s)).catch(fail);

  return (
    <section className="security-admin">
      <h2>{t('access.security')}</h2>
      <Field id="install-role" label={t('access.installRole')}>
        <select
          id="install-role"
          value={status.installRole}
          onChange={(e) =>
            void apply(client.call('auth.setRole', { role: e.target.value as Role }))
          }
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`access.role.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Checkbox
        className="checkbox"
        label={t('access.maskNumbers')}
        checked={maskingPending ?? status.maskNumbers}
        onChange={(maskNumbers) => {
          setMaskingPending(maskNumbers);
          void apply(client.call('auth.setMasking', { maskNumbers })).finally(() =>
            setMaskingPending(null),
          );
        }}
      />
      <p className="hint">{t('access.maskHint')}</p>
      <Form
        className="admin-add"
        aria-label={t('access.changePin')}
        onSubmit={() => {
          setMessage(null);
          client
            .call('auth.changePin', { currentPin, newPin })
            .then((s) => {
              applyStatus(s);
              setMessage({ text: t('access.pinChanged'), error: false });
              setCurrentPin('');
              setNewPin('');
            })
            .catch(fail);
        }}
      >
        <h3>{t('access.changePin')}</h3>
        <PinField
          id="current-pin"
          label={t('access.currentPin')}
          value={currentPin}
          onChange={setCurrentPin}
        />
        <PinField
          id="new-pin"
          label={t('access.newPin')}
          autoComplete="new-password"
          value={newPin}
          onChange={setNewPin}
        />
        <Button type="submit" disabled={!currentPin || !newPin}>
          {t('access.changePin')}
        </Button>
      </Form>
      <MessageText message={message} />
    </section>
  );
}
