import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../shared/api';
import type { ApiError } from '../../shared/errors';
import type { SipAccountView } from '../../shared/softphone';
import type { ConnectionTest } from '../phone/sip/Phone';
import { usePhoneController } from '../phone/phoneContext';
import { useStores } from '../app/stores';
import { toApiError } from '../ui/apiError';
import { TEXT_LIMITS } from '../../shared/textLimits';

interface IceRow {
  urls: string;
  username: string;
  /** Typed in this form only; '' keeps the stored credential. */
  credential: string;
  hasCredential: boolean;
}

/** The form's fields: numbers as text while typed, secrets only as typed here (write-only). */
interface Draft {
  id: string | null;
  name: string;
  wsServer: string;
  domain: string;
  username: string;
  authUsername: string;
  password: string;
  hasPassword: boolean;
  displayName: string;
  ice: IceRow[];
  iceGatheringTimeoutMs: string;
  dialPrefix: string;
  dialPlan: SipAccountView['dialPlan'];
  dtmfMode: SipAccountView['dtmfMode'];
  registerExpires: string;
  active: boolean;
}

/** The contract's limits (softphone.ts), so a paste stops where a save would be refused. */
const SIP_FIELD_LIMITS: Partial<Record<keyof Draft, number>> = {
  name: TEXT_LIMITS.shortName,
  wsServer: TEXT_LIMITS.url,
  domain: TEXT_LIMITS.domain,
  username: TEXT_LIMITS.shortName,
  authUsername: TEXT_LIMITS.shortName,
  displayName: TEXT_LIMITS.shortName,
  dialPrefix: 10,
};

const blank: Draft = {
  id: null,
  name: '',
  wsServer: 'wss://',
  domain: '',
  username: '',
  authUsername: '',
  password: '',
  hasPassword: false,
  displayName: '',
  ice: [],
  iceGatheringTimeoutMs: '500',
  dialPrefix: '',
  dialPlan: 'national',
  dtmfMode: 'rfc4733',
  registerExpires: '600',
  active: true,
};

function draftOf(a: SipAccountView): Draft {
  return {
    ...a,
    password: '',
    ice: a.iceServers.map((s) => ({
      urls: s.urls.join(' '),
      username: s.username,
      credential: '',
      hasCredential: s.hasCredential,
    })),
    iceGatheringTimeoutMs: String(a.iceGatheringTimeoutMs),
    registerExpires: String(a.registerExpires),
  };
}

/** What goes to main: a secret left empty is omitted, so the stored one is kept. */
export function saveInputOf(d: Draft): MethodInput<'sipAccounts.save'> {
  return {
    id: d.id,
    name: d.name,
    wsServer: d.wsServer,
    domain: d.domain,
    username: d.username,
    authUsername: d.authUsername,
    ...(d.password ? { password: d.password } : {}),
    displayName: d.displayName,
    iceServers: d.ice.map((r) => ({
      urls: r.urls.split(/[\s,]+/).filter(Boolean),
      username: r.username,
      ...(r.credential ? { credential: r.credential } : {}),
    })),
    iceGatheringTimeoutMs: Number(d.iceGatheringTimeoutMs) || 0,
    dialPrefix: d.dialPrefix,
    dialPlan: d.dialPlan,
    dtmfMode: d.dtmfMode,
    registerExpires: Number(d.registerExpires) || 600,
    active: d.active,
  };
}

/**
 * SIP accounts for admins. Passwords and TURN credentials are write-only: the form starts
 * empty ("saved — leave empty to keep"), and nothing secret ever comes back from main.
 */
export function SipAccountAdmin() {
  const { t } = useTranslation();
  const { client } = useStores();
  const phone = usePhoneController();
  const [accounts, setAccounts] = useState<SipAccountView[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [test, setTest] = useState<ConnectionTest | 'running' | null>(null);

  const load = useCallback(async () => {
    setAccounts(await client.call('sipAccounts.list', {}));
  }, [client]);

  useEffect(() => {
    void load().catch((err: unknown) => setError(toApiError(err)));
    return client.on('sipAccounts.changed', () => void load().catch(() => undefined));
  }, [client, load]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false);
    setDraft((d) => (d ? { ...d, [key]: value } : d));
  };
  const fieldError = (path: string) => {
    const key = error?.fields?.find((f) => f.path === path || f.path.startsWith(`${path}.`))?.key;
    return key ? (
      <span className="field__error" role="alert">
        {t(`errors.${key}`)}
      </span>
    ) : null;
  };
  const text = (key: keyof Draft & string, label: string, type = 'text') => (
    <label className="field">
      {label}
      <input
        type={type}
        maxLength={type === 'text' ? SIP_FIELD_LIMITS[key] : undefined}
        value={String(draft?.[key] ?? '')}
        onChange={(e) => set(key, e.target.value as never)}
      />
      {fieldError(key)}
    </label>
  );

  const save = async () => {
    if (!draft) return;
    setError(null);
    setTest(null);
    try {
      const account = await client.call('sipAccounts.save', saveInputOf(draft));
      // The typed password leaves the form with the save; only "saved" remains.
      setDraft(draftOf(account));
      setSaved(true);
      // The phone follows by itself: main announces the change (sipAccounts.changed).
      await load();
    } catch (err) {
      setError(toApiError(err));
    }
  };

  const runTest = async (account: SipAccountView) => {
    setTest('running');
    try {
      setTest(await phone.testAccount(account));
    } catch {
      setTest({ ok: false, reason: 'network', statusCode: null });
    }
  };

  const current = draft?.id ? accounts.find((a) => a.id === draft.id) : undefined;

  return (
    <section aria-label={t('phone.accounts.title')}>
      <h2>{t('phone.accounts.title')}</h2>
      {accounts.length === 0 ? (
        <p>{t('phone.accounts.none')}</p>
      ) : (
        <table className="leads admin">
          <thead>
            <tr>
              <th>{t('phone.accounts.name')}</th>
              <th>{t('phone.accounts.username')}</th>
              <th>{t('phone.accounts.wsServer')}</th>
              <th>{t('phone.accounts.active')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td>
                <td className="mono">
                  {a.username}@{a.domain}
                </td>
                <td className="mono">{a.wsServer}</td>
                <td>{a.active ? '✓' : ''}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => {
                      setError(null);
                      setSaved(false);
                      setTest(null);
                      setDraft(draftOf(a));
                    }}
                  >
                    {t('phone.accounts.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!draft && (
        <button type="button" onClick={() => setDraft({ ...blank })}>
          {t('phone.accounts.add')}
        </button>
      )}
      {draft && (
        <form
          className="admin-add"
          aria-label={t('phone.accounts.form')}
          autoComplete="off"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="grid">
            {text('name', t('phone.accounts.name'))}
            {text('wsServer', t('phone.accounts.wsServer'))}
            {text('domain', t('phone.accounts.domain'))}
            {text('username', t('phone.accounts.username'))}
            {text('authUsername', t('phone.accounts.authUsername'))}
            <label className="field">
              {t('phone.accounts.password')}
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
            </label>
            {text('displayName', t('phone.accounts.displayName'))}
            {text('dialPrefix', t('phone.accounts.dialPrefix'))}
            <label className="field">
              {t('phone.accounts.dialPlan')}
              <select
                value={draft.dialPlan}
                onChange={(e) => set('dialPlan', e.target.value as Draft['dialPlan'])}
              >
                <option value="national">{t('phone.accounts.dialPlanNational')}</option>
                <option value="e164">{t('phone.accounts.dialPlanE164')}</option>
              </select>
            </label>
            <label className="field">
              {t('phone.accounts.dtmfMode')}
              <select
                value={draft.dtmfMode}
                onChange={(e) => set('dtmfMode', e.target.value as Draft['dtmfMode'])}
              >
                <option value="rfc4733">{t('phone.accounts.dtmfRfc4733')}</option>
                <option value="info">{t('phone.accounts.dtmfInfo')}</option>
              </select>
            </label>
            {text('registerExpires', t('phone.accounts.registerExpires'), 'number')}
            {text('iceGatheringTimeoutMs', t('phone.accounts.iceGatheringTimeoutMs'), 'number')}
          </div>
          <fieldset>
            <legend>{t('phone.accounts.iceServers')}</legend>
            <p className="hint">{t('phone.accounts.iceHint')}</p>
            {draft.ice.map((row, i) => {
              const setRow = (change: Partial<IceRow>) =>
                set(
                  'ice',
                  draft.ice.map((r, j) => (j === i ? { ...r, ...change } : r)),
                );
              return (
                <div key={i} className="ice-row">
                  <input
                    aria-label={t('phone.accounts.iceUrls', { n: i + 1 })}
                    placeholder="turn:turn.example.vn:3478"
                    maxLength={TEXT_LIMITS.url * 8}
                    value={row.urls}
                    onChange={(e) => setRow({ urls: e.target.value })}
                  />
                  <input
                    aria-label={t('phone.accounts.iceUsername', { n: i + 1 })}
                    maxLength={TEXT_LIMITS.secret}
                    value={row.username}
                    onChange={(e) => setRow({ username: e.target.value })}
                  />
                  <input
                    type="password"
                    autoComplete="new-password"
                    aria-label={t('phone.accounts.iceCredential', { n: i + 1 })}
                    placeholder={row.hasCredential ? t('phone.accounts.passwordKeep') : ''}
                    maxLength={TEXT_LIMITS.credential}
                    value={row.credential}
                    onChange={(e) => setRow({ credential: e.target.value })}
                  />
                  <button
                    type="button"
                    onClick={() =>
                      set(
                        'ice',
                        draft.ice.filter((_, j) => j !== i),
                      )
                    }
                  >
                    {t('phone.accounts.removeIce')}
                  </button>
                </div>
              );
            })}
            <button
              type="button"
              onClick={() =>
                set('ice', [
                  ...draft.ice,
                  { urls: '', username: '', credential: '', hasCredential: false },
                ])
              }
            >
              {t('phone.accounts.addIce')}
            </button>
            {fieldError('iceServers')}
          </fieldset>
          <label className="switch">
            <input
              type="checkbox"
              checked={draft.active}
              onChange={(e) => set('active', e.target.checked)}
            />{' '}
            {t('phone.accounts.active')}
          </label>
          {error && !error.fields?.length && (
            <p className="form__error" role="alert">
              {t(`errors.code.${error.code}`)}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary">
              {t('phone.accounts.save')}
            </button>
            {current && (
              <button
                type="button"
                disabled={test === 'running'}
                onClick={() => void runTest(current)}
              >
                {test === 'running' ? t('phone.accounts.testing') : t('phone.accounts.test')}
              </button>
            )}
            {current && (
              <button
                type="button"
                className="danger"
                onClick={() => {
                  void client
                    .call('sipAccounts.delete', { id: current.id })
                    .then(async () => {
                      setDraft(null);
                      await load();
                    })
                    .catch((err: unknown) => setError(toApiError(err)));
                }}
              >
                {t('phone.accounts.delete')}
              </button>
            )}
            <button type="button" onClick={() => setDraft(null)}>
              {t('phone.cancel')}
            </button>
          </div>
          {saved && <p role="status">{t('phone.accounts.saved')}</p>}
          {test && test !== 'running' && (
            <p role="status" className={test.ok ? '' : 'form__error'}>
              {test.ok
                ? t('phone.accounts.testOk', { ms: test.ms })
                : t(`phone.accounts.testFailed.${test.reason}`, { code: test.statusCode ?? '' })}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
