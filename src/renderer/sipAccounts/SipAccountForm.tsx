import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SipAccountView } from '../../shared/softphone';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { useStores } from '../app/stores';
import { usePhoneController } from '../phone/phoneContext';
import type { ConnectionTest } from '../phone/sip/Phone';
import { fieldErrorKey } from '../ui/apiError';
import { Button } from '../ui/Button';
import { ErrorText } from '../ui/ErrorText';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';
import { IceServersFieldset } from './IceServersFieldset';
import { draftOf, saveInputOf, SIP_FIELD_LIMITS, type Draft } from './sipAccountDraft';
import { Form } from '../ui/Form';
import { Checkbox } from '../ui/Checkbox';

interface Props {
  /** The account as it opens (a blank one to add). */
  initial: Draft;
  /** The saved accounts: the one being edited, once saved, can be tested and deleted. */
  accounts: SipAccountView[];
  /** Reads the accounts again after a save or a delete. */
  reload(): Promise<void>;
  onClose(): void;
}

/**
 * One SIP account being added or edited. The password and TURN credentials are write-only:
 * the form starts them empty ("saved — leave empty to keep"), and nothing secret comes back.
 */
export function SipAccountForm({ initial, accounts, reload, onClose }: Props) {
  const { t } = useTranslation();
  const { client } = useStores();
  const phone = usePhoneController();
  const [draft, setDraft] = useState(initial);
  const action = useAction<'save' | 'delete'>();
  const [saved, setSaved] = useState(false);
  const [test, setTest] = useState<ConnectionTest | 'running' | null>(null);
  const current = draft.id ? accounts.find((a) => a.id === draft.id) : undefined;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const fieldError = (path: string) => {
    const key = fieldErrorKey(action.error, path, { within: true });
    return key && t(key);
  };
  const text = (key: keyof Draft & string, label: string, type = 'text') => (
    <Field label={label} error={fieldError(key)}>
      <input
        type={type}
        maxLength={type === 'text' ? SIP_FIELD_LIMITS[key] : undefined}
        value={String(draft[key] ?? '')}
        onChange={(e) => set(key, e.target.value as never)}
      />
    </Field>
  );

  const save = () =>
    action.run('save', async () => {
      setTest(null);
      const account = await client.call('sipAccounts.save', saveInputOf(draft));
      // The typed password leaves the form with the save; only "saved" remains.
      setDraft(draftOf(account));
      setSaved(true);
      // The phone follows by itself: main announces the change (sipAccounts.changed).
      await reload();
    });

  const runTest = async (account: SipAccountView) => {
    setTest('running');
    try {
      setTest(await phone.testAccount(account));
    } catch {
      setTest({ ok: false, reason: 'network', statusCode: null });
    }
  };

  return (
    <Form
      className="admin-add"
      aria-label={t('phone.accounts.form')}
      autoComplete="off"
      onSubmit={() => {
        void save();
      }}
    >
      <div className="grid">
        {text('name', t('phone.accounts.name'))}
        {text('wsServer', t('phone.accounts.wsServer'))}
        {text('domain', t('phone.accounts.domain'))}
        {text('username', t('phone.accounts.username'))}
        {text('authUsername', t('phone.accounts.authUsername'))}
        <Field label={t('phone.accounts.password')}>
          <input
            type="password"
            autoComplete="new-password"
            maxLength={TEXT_LIMITS.secret}
            placeholder={
              draft.hasPassword
                ? t('phone.accounts.passwordKeep')
                : t('phone.accounts.passwordMissing')
            }
            value={draft.password}
            onChange={(e) => set('password', e.target.value)}
          />
        </Field>
        {text('displayName', t('phone.accounts.displayName'))}
        {text('dialPrefix', t('phone.accounts.dialPrefix'))}
        <Field label={t('phone.accounts.dialPlan')}>
          <select
            value={draft.dialPlan}
            onChange={(e) => set('dialPlan', e.target.value as Draft['dialPlan'])}
          >
            <option value="national">{t('phone.accounts.dialPlanNational')}</option>
            <option value="e164">{t('phone.accounts.dialPlanE164')}</option>
          </select>
        </Field>
        <Field label={t('phone.accounts.dtmfMode')}>
          <select
            value={draft.dtmfMode}
            onChange={(e) => set('dtmfMode', e.target.value as Draft['dtmfMode'])}
          >
            <option value="rfc4733">{t('phone.accounts.dtmfRfc4733')}</option>
            <option value="info">{t('phone.accounts.dtmfInfo')}</option>
          </select>
        </Field>
        {text('registerExpires', t('phone.accounts.registerExpires'), 'number')}
        {text('iceGatheringTimeoutMs', t('phone.accounts.iceGatheringTimeoutMs'), 'number')}
      </div>
      <IceServersFieldset
        rows={draft.ice}
        onChange={(ice) => set('ice', ice)}
        error={
          fieldError('iceServers') && (
            <span className="field__error" role="alert">
              {fieldError('iceServers')}
            </span>
          )
        }
      />
      <Checkbox
        className="switch"
        label={t('phone.accounts.active')}
        checked={draft.active}
        onChange={(checked) => set('active', checked)}
      />
      <ErrorText>
        {action.error && !action.error.fields?.length && t(`errors.code.${action.error.code}`)}
      </ErrorText>
      <div className="actions">
        <Button type="submit" variant="primary">
          {t('phone.accounts.save')}
        </Button>
        {current && (
          <Button disabled={test === 'running'} onClick={() => void runTest(current)}>
            {test === 'running' ? t('phone.accounts.testing') : t('phone.accounts.test')}
          </Button>
        )}
        {current && (
          <Button
            variant="danger"
            onClick={() =>
              void action.run('delete', async () => {
                await client.call('sipAccounts.delete', { id: current.id });
                onClose();
                await reload();
              })
            }
          >
            {t('phone.accounts.delete')}
          </Button>
        )}
        <Button onClick={onClose}>{t('phone.cancel')}</Button>
      </div>
      {saved && <p role="status">{t('phone.accounts.saved')}</p>}
      {test && test !== 'running' && (
        <p role="status" className={test.ok ? '' : 'form__error'}>
          {test.ok
            ? t('phone.accounts.testOk', { ms: test.ms })
            : t(`phone.accounts.testFailed.${test.reason}`, { code: test.statusCode ?? '' })}
        </p>
      )}
    </Form>
  );
}
