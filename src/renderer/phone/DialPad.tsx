import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from './Keypad';
import { TEXT_LIMITS } from '../../shared/textLimits';

interface Props {
  canDial: boolean;
  onDial(number: string): void;
  onClose(): void;
}

/** For numbers that are not a lead's: type or tap them, Enter dials. */
export function DialPad({ canDial, onDial, onClose }: Props) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const dial = () => {
    if (!number.trim() || !canDial) return;
    onDial(number.trim());
    setNumber('');
  };
  return (
    <form
      className="dialpad"
      aria-label={t('phone.dialpadTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        dial();
      }}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <label className="field">
        {t('phone.numberToDial')}
        <input
          autoFocus
          inputMode="tel"
          maxLength={TEXT_LIMITS.phone}
          value={number}
          onChange={(e) => setNumber(e.target.value.replace(/[^0-9+*#\s.]/g, ''))}
        />
      </label>
      <Keypad label={t('phone.dialpadTitle')} onKey={(key) => setNumber((n) => n + key)} />
      <div className="actions">
        <button type="submit" className="primary call" disabled={!canDial || !number.trim()}>
          {t('phone.call')}
        </button>
        <button type="button" onClick={onClose}>
          {t('phone.cancel')}
        </button>
      </div>
    </form>
  );
}
