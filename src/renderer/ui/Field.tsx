import type { ReactNode } from 'react';

interface Props {
  label: ReactNode;
  /**
   * The control's id: the label points at it, and the hint and the error get ids of their own
   * (`<id>-hint`, `<id>-error`) for the control's `aria-describedby`. Without one, the label
   * wraps the control.
   */
  id?: string;
  hint?: ReactNode;
  /** The refusal of this one input, already in words. */
  error?: ReactNode;
  children: ReactNode;
}

/** One labelled input, select or textarea, with its hint and its refusal under it. */
export function Field({ label, id, hint, error, children }: Props) {
  if (id === undefined) {
    return (
      <label className="field">
        {label}
        {children}
        {error && (
          <span className="field__error" role="alert">
            {error}
          </span>
        )}
      </label>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
