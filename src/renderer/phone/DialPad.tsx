import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from './Keypad';
import { NumberField } from './NumberField';
import { Form } from '../ui/Form';
import { FormActions } from '../ui/FormActions';

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
    <Form
      className="dialpad"
      aria-label={t('phone.dialpadTitle')}
      onSubmit={() => {
        dial();
      }}
      onEscape={onClose}
    >
      <NumberField
        label={t('phone.numberToDial')}
        value={number}
        onChange={(typed) => setNumber(typed.replace(/[^0-9+*#\s.]/g, ''))}
      />
      <Keypad label={t('phone.dialpadTitle')} onKey={(key) => setNumber((n) => n + key)} />
      <FormActions
        submit={t('phone.call')}
        submitClassName="call"
        disabled={!canDial || !number.trim()}
        cancel={{ label: t('phone.cancel'), onClick: onClose }}
      />
    </Form>
  );
}
