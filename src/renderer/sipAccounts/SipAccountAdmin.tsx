import { Check } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SipAccountView } from '../../shared/softphone';
import { useStores } from '../app/stores';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { ErrorText } from '../ui/ErrorText';
import { useAction, useLoad } from '../ui/useAction';
import { SipAccountForm } from './SipAccountForm';
import { blankDraft, draftOf, type Draft } from './sipAccountDraft';

const none: SipAccountView[] = [];

/** SIP accounts for admins: the list, and one account's form at a time. */
export function SipAccountAdmin() {
  const { t } = useTranslation();
  const { client } = useStores();
  const action = useAction<'load'>();
  const { fail } = action;
  const accounts = useLoad(
    useCallback(() => client.call('sipAccounts.list', {}), [client]),
    none,
    useCallback((err: unknown) => fail('load', err), [fail]),
  );
  const { reload } = accounts;
  // Each opening is a fresh form: its own draft, no message left from the one before.
  const [open, setOpen] = useState<{ draft: Draft; opening: number } | null>(null);
  const openWith = (draft: Draft) => setOpen((o) => ({ draft, opening: (o?.opening ?? 0) + 1 }));

  useEffect(
    () => client.on('sipAccounts.changed', () => void reload().catch(() => undefined)),
    [client, reload],
  );

  return (
    <section aria-label={t('phone.accounts.title')}>
      <h2>{t('phone.accounts.title')}</h2>
      <ErrorText>{action.error && t(`errors.code.${action.error.code}`)}</ErrorText>
      <DataTable
        rows={accounts.value}
        headers={[
          ...['name', 'username', 'wsServer', 'active'].map((k) => t(`phone.accounts.${k}`)),
          '',
        ]}
        empty={<p>{t('phone.accounts.none')}</p>}
        row={(a) => (
          <tr key={a.id}>
            <td>{a.name}</td>
            <td className="mono">
              {a.username}@{a.domain}
            </td>
            <td className="mono">{a.wsServer}</td>
            <td>
              {a.active && (
                <Check className="icon" role="img" aria-label={t('phone.accounts.active')} />
              )}
            </td>
            <td>
              <Button onClick={() => openWith(draftOf(a))}>{t('phone.accounts.edit')}</Button>
            </td>
          </tr>
        )}
      />
      {open ? (
        <SipAccountForm
          key={open.opening}
          initial={open.draft}
          accounts={accounts.value}
          reload={reload}
          onClose={() => setOpen(null)}
        />
      ) : (
        <Button onClick={() => openWith({ ...blankDraft })}>{t('phone.accounts.add')}</Button>
      )}
    </section>
  );
}
