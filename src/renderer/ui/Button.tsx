import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger';

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Primary: the screen's main action; danger: one that deletes or ends; secondary: the rest. */
  variant?: ButtonVariant;
}

/** A button that does not submit its form unless told (`type="submit"`). */
export function Button({ variant = 'secondary', type = 'button', className, ...rest }: Props) {
  const classes = [variant === 'secondary' ? null : variant, className].filter(Boolean).join(' ');
  return <button type={type} className={classes || undefined} {...rest} />;
}
