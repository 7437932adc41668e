import type { ReactNode } from 'react';

/** A refusal under a form or a section, read out as soon as it appears. Nothing when empty. */
export function ErrorText({ children }: { children: ReactNode }) {
  if (children === null || children === undefined || children === false || children === '') {
    return null;
  }
  return (
    <p className="form__error" role="alert">
      {children}
    </p>
  );
}
