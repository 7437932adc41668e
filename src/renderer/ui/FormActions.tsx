import { Button } from './Button';

interface Props {
  /** The submit button's words, and its words while the form is being sent. */
  submit: string;
  busyLabel?: string;
  busy?: boolean;
  /** Not ready to send yet (a field left empty). */
  disabled?: boolean;
  /** Extra classes on the submit button (`call` for one that dials). */
  submitClassName?: string;
  /** A second button that leaves the form without sending it. */
  cancel?: { label: string; onClick(): void };
}

/** A form's buttons: send (the primary action, off while it runs), and leave. */
export function FormActions({
  submit,
  busyLabel,
  busy = false,
  disabled = false,
  submitClassName,
  cancel,
}: Props) {
  return (
    <div className="actions">
      <Button
        type="submit"
        variant="primary"
        className={submitClassName}
        disabled={busy || disabled}
      >
        {busy && busyLabel ? busyLabel : submit}
      </Button>
      {cancel && <Button onClick={cancel.onClick}>{cancel.label}</Button>}
    </div>
  );
}
