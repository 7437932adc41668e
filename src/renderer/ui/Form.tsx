import type { FormHTMLAttributes, KeyboardEvent, Ref } from 'react';

interface Props extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> {
  /** Called on submit; the page never reloads for it. */
  onSubmit(): void;
  /** Escape anywhere in the form (leave it, close it). */
  onEscape?(): void;
  ref?: Ref<HTMLFormElement>;
}

/** A form that is handled here, never posted: Enter or its submit button calls `onSubmit`. */
export function Form({ onSubmit, onEscape, onKeyDown, ...rest }: Props) {
  return (
    <form
      {...rest}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      onKeyDown={
        onEscape
          ? (e: KeyboardEvent<HTMLFormElement>) => {
              onKeyDown?.(e);
              if (e.key === 'Escape') onEscape();
            }
          : onKeyDown
      }
    />
  );
}
