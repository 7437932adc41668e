import type { ReactNode } from 'react';

interface Props {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  /** `switch` for a setting on a line of its own. */
  className?: string;
}

/** A checkbox with its words after it, the whole line clickable. */
export function Checkbox({ label, checked, onChange, className }: Props) {
  return (
    <label className={className}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />{' '}
      {label}
    </label>
  );
}
