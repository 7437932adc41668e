import type { ReactNode } from 'react';
import { Form } from './Form';

interface Props {
  /** The title's id, which names the dialog. */
  id: string;
  title: ReactNode;
  onSubmit(): void;
  /** Above the other modal dialogs (the first question a new install asks). */
  top?: boolean;
  className?: string;
  children: ReactNode;
}

/** A modal form over the app, on a dimmed backdrop: what must be answered before anything else. */
export function Dialog({ id, title, onSubmit, top = false, className, children }: Props) {
  return (
    <div className={top ? 'dialog-backdrop dialog-backdrop--top' : 'dialog-backdrop'}>
      <Form
        className={className ? `dialog ${className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        onSubmit={onSubmit}
      >
        <h2 id={id}>{title}</h2>
        {children}
      </Form>
    </div>
  );
}
