import { useState } from 'react';
import { Button } from './Button';

interface Props {
  /** The button's words before it is pressed. */
  label: string;
  /** The question once pressed, and the name of the group holding it and the answers. */
  question: string;
  groupLabel: string;
  yes: string;
  no: string;
  onConfirm(): void;
  /**
   * Whether the question shows, for a list where one row asks at a time; the button keeps it
   * itself when not given.
   */
  open?: boolean;
  onOpenChange?(open: boolean): void;
}

/** An action that asks once more, inline, before it happens. */
export function ConfirmButton({
  label,
  question,
  groupLabel,
  yes,
  no,
  onConfirm,
  open,
  onOpenChange,
}: Props) {
  const [own, setOwn] = useState(false);
  const asking = open ?? own;
  const setAsking = (next: boolean) => {
    setOwn(next);
    onOpenChange?.(next);
  };
  if (!asking) return <Button onClick={() => setAsking(true)}>{label}</Button>;
  return (
    <span role="group" aria-label={groupLabel}>
      {question}{' '}
      <Button
        variant="primary"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {yes}
      </Button>{' '}
      <Button onClick={() => setAsking(false)}>{no}</Button>
    </span>
  );
}
