import { TEXT_LIMITS } from '../../shared/textLimits';
import { Field } from '../ui/Field';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** `new-password` where a PIN is chosen, so the browser offers no old one. */
  autoComplete?: 'off' | 'new-password';
  autoFocus?: boolean;
  invalid?: boolean;
}

/** The admin PIN: digits, hidden as typed. */
export function PinField({
  id,
  label,
  value,
  onChange,
  autoComplete = 'off',
  autoFocus,
  invalid,
}: Props) {
  return (
    <Field id={id} label={label}>
      <input
        id={id}
        type="password"
        inputMode="numeric"
        maxLength={TEXT_LIMITS.pin}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        value={value}
        aria-invalid={invalid ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}
