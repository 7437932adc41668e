import type { ButtonHTMLAttributes } from 'react';
import type { LucideIcon } from 'lucide-react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger';

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Primary: the screen's main action; danger: one that deletes or ends; secondary: the rest. */
  variant?: ButtonVariant;
  /** An SVG icon before the words; decorative, since the words name the button. */
  icon?: LucideIcon;
  /**
   * Shows the icon alone: these words name the button (its aria-label) and are its tooltip,
   * so a screen reader and a test find it by the same words as before.
   */
  label?: string;
}

/** A button that does not submit its form unless told (`type="submit"`). */
export function Button({
  variant = 'secondary',
  type = 'button',
  className,
  icon: Icon,
  label,
  title,
  children,
  ...rest
}: Props) {
  const iconOnly = label !== undefined && Icon !== undefined;
  const classes = [variant === 'secondary' ? null : variant, iconOnly ? 'icon-button' : null]
    .concat(className ?? null)
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type={type}
      className={classes || undefined}
      aria-label={label}
      title={title ?? label}
      {...rest}
    >
      {Icon && <Icon className="icon" aria-hidden="true" focusable="false" />}
      {iconOnly ? null : children}
    </button>
  );
}
