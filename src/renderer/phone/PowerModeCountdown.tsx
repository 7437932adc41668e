import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../shared/domain';
import { useNow } from '../ui/useNow';
import { Button } from '../ui/Button';

export const POWER_MODE_DELAY_MS = 5_000;

interface Props {
  lead: Lead;
  /** When the countdown began. */
  since: number;
  onDial(lead: Lead): void;
  onStop(): void;
}

/** Power mode: the next lead, and a 5-second countdown to dialling it unless the agent stops. */
export function PowerModeCountdown({ lead, since, onDial, onStop }: Props) {
  const { t } = useTranslation();
  const now = useNow(250);
  // Dials once, however often the clock ticks after.
  const fired = useRef(false);
  const left = Math.max(0, Math.ceil((since + POWER_MODE_DELAY_MS - now) / 1000));
  useEffect(() => {
    if (fired.current || now < since + POWER_MODE_DELAY_MS) return;
    fired.current = true;
    onDial(lead);
  }, [now, since, lead, onDial]);
  return (
    <div className="power" role="status" aria-label={t('phone.power.mode')}>
      <p>
        <strong>{t('phone.power.next', { name: lead.name })}</strong>
      </p>
      <p>{t('phone.power.countdown', { seconds: left })}</p>
      <div className="actions">
        <Button variant="primary" className="call" onClick={() => onDial(lead)}>
          {t('phone.power.callNow')}
        </Button>
        <Button onClick={onStop}>{t('phone.power.stop')}</Button>
      </div>
    </div>
  );
}
