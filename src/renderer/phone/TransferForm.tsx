import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { NumberField } from './NumberField';
import { Form } from '../ui/Form';

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
    <Form
      className="transfer"
      aria-label={t('phone.transfer')}
      onSubmit={() => {
        if (ok) onBlind(number.trim());
      }}
      onEscape={onCancel}
    >
      <NumberField label={t('phone.transferTo')} value={number} onChange={setNumber} />
      <div className="actions">
        <Button type="submit" disabled={!ok}>
          {t('phone.blindTransfer')}
        </Button>
        <Button disabled={!ok} onClick={() => onConsult(number.trim())}>
          {t('phone.consult')}
        </Button>
        <Button onClick={onCancel}>{t('phone.cancel')}</Button>
      </div>
    </Form>
  );
}
