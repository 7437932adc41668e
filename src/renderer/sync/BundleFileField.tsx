import type { Ref } from 'react';
import { Field } from '../ui/Field';

/** Where a bundle file (.lpbundle) is chosen; its bytes are uploaded, never its path. */
export function BundleFileField({
  id,
  label,
  inputRef,
  multiple,
  onChange,
}: {
  id: string;
  label: string;
  /** To clear the choice once the files went in. */
  inputRef: Ref<HTMLInputElement>;
  multiple?: boolean;
  onChange(files: File[]): void;
}) {
  return (
    <Field id={id} label={label}>
      <input
        id={id}
        ref={inputRef}
        type="file"
        accept=".lpbundle"
        multiple={multiple}
        onChange={(e) => onChange([...(e.target.files ?? [])])}
      />
    </Field>
  );
}
