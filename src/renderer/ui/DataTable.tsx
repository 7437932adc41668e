import type { ReactNode } from 'react';

interface Props<T> {
  rows: readonly T[];
  /** One per column; '' for a column without a title (the row's buttons). */
  headers: readonly ReactNode[];
  /** The `<tr>` of one row, with its key. */
  row(item: T, index: number): ReactNode;
  /** `leads admin` (the admin screens' look) unless told; '' for none. */
  className?: string;
  label?: string;
  /** Shown instead of the table when there is no row; without it, the table shows empty. */
  empty?: ReactNode;
}

/** A table of records: its column titles, then a row per record. */
export function DataTable<T>({
  rows,
  headers,
  row,
  className = 'leads admin',
  label,
  empty,
}: Props<T>) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <table className={className || undefined} aria-label={label}>
      <thead>
        <tr>
          {headers.map((h, i) => (
            <th key={i} scope="col" title={typeof h === 'string' && h ? h : undefined}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{rows.map(row)}</tbody>
    </table>
  );
}
