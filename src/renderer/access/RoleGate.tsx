import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAllows, type Role } from '../../shared/roles';
import { useStores } from '../app/stores';
import { useAccess, useAccessStore, useApplyStatus } from './accessStore';
import { PinPrompt } from './PinPrompt';

/**
 * Shows its children to a connection with the role `need`, else the admin PIN prompt. Main
 * checks every call anyway; this only spares the user a screen of refusals. Leaving the gate
 * locks again, so an unlocked admin screen does not stay open behind the queue.
 */
export function RoleGate({ need, children }: { need: Role; children: ReactNode }) {
  const { t } = useTranslation();
  const { client } = useStores();
  const access = useAccessStore();
  const applyStatus = useApplyStatus();
  const status = useAccess((s) => s.status);

  useEffect(
    () => () => {
      if (access.getState().status?.unlockedUntil) {
        void client
          .call('auth.lock', {})
          .then((s) => applyStatus(s))
          .catch(() => undefined);
      }
    },
    [client, access, applyStatus],
  );

  if (!status) return null;
  if (roleAllows(status.role, need)) return <>{children}</>;
  return (
    <section className="role-gate">
      <p>{need === 'admin' ? t('access.needsAdmin') : t('access.needsSupervisor')}</p>
      <PinPrompt />
    </section>
  );
}
