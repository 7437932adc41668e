import { TEXT_LIMITS } from '../../shared/textLimits';
import { Field } from '../ui/Field';

/** A number typed to dial or to transfer to: the phone keyboard on a touch screen, focused. */
export function NumberField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <Field label={label}>
      <input
        autoFocus
        inputMode="tel"
        maxLength={TEXT_LIMITS.phone}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}
