import { Phone } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../shared/domain';
import { usePhone, usePhoneController } from './phoneContext';
import { canDial } from './phoneStore';
import { Button } from '../ui/Button';

interface Props {
  lead: Pick<Lead, 'id' | 'name' | 'phone' | 'phoneAsGiven' | 'doNotCall'>;
  /** A compact icon-only button for table rows. */
  compact?: boolean;
}

/** Click-to-call: the number comes from the lead, the agent never types it. */
export function CallButton({ lead, compact = false }: Props) {
  const { t } = useTranslation();
  const phone = usePhoneController();
  const ready = usePhone(canDial);
  const label = t('phone.callLead', { name: lead.name });
  return (
    <Button
      className={compact ? 'call call--compact' : 'primary call'}
      icon={Phone}
      aria-label={label}
      title={`${label} — ${t('phone.callShortcut')}`}
      disabled={!ready || !(lead.phone ?? lead.phoneAsGiven)}
      onClick={(e) => {
        e.stopPropagation();
        void phone.callLead(lead);
      }}
    >
      {compact ? null : t('phone.call')}
    </Button>
  );
}
