import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_LIMITS } from '../../shared/textLimits';

interface Props {
  onBlind(number: string): void;
  onConsult(number: string): void;
  onCancel(): void;
}

/** Where to transfer the customer: straight away (blind), or after talking to them first. */
export function TransferForm({ onBlind, onConsult, onCancel }: Props) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const ok = number.trim().length > 0;
  return (
    <form
      className="transfer"
      aria-label={t('phone.transfer')}
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) onBlind(number.trim());
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <label className="field">
        {t('phone.transferTo')}
        <input
          autoFocus
          inputMode="tel"
          maxLength={TEXT_LIMITS.phone}
          value={number}
          onChange={(e) => setNumber(e.target.value)}
        />
      </label>
      <div className="actions">
        <button type="submit" disabled={!ok}>
          {t('phone.blindTransfer')}
        </button>
        <button type="button" disabled={!ok} onClick={() => onConsult(number.trim())}>
          {t('phone.consult')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('phone.cancel')}
        </button>
      </div>
    </form>
  );
}
