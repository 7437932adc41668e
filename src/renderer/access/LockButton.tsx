import { Lock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../app/stores';
import { useAccess, useApplyStatus, useViewFollowsAccess } from './accessStore';
import { Button } from '../ui/Button';

/**
 * In the top bar while this connection is unlocked as admin: one click locks it again. Always
 * mounted, it also keeps the lists in step with what this connection may see.
 */
export function LockButton() {
  const { t } = useTranslation();
  const { client } = useStores();
  const applyStatus = useApplyStatus();
  useViewFollowsAccess();
  const unlocked = useAccess((s) => s.status?.unlockedUntil ?? null);
  if (unlocked === null) return null;
  return (
    <Button
      className="lock-button"
      icon={Lock}
      label={t('access.lockTitle')}
      onClick={() =>
        void client
          .call('auth.lock', {})
          .then((s) => applyStatus(s))
          .catch(() => undefined)
      }
    />
  );
}
