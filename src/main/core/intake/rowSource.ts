/** One row of a spreadsheet: its number as the spreadsheet shows it, and its cells. */
export interface RawRow {
  row: number;
  /** Strings from a CSV; numbers, dates, rich text… from an XLSX (see cellText.ts). */
  cells: unknown[];
}

/** Rows of a file in order, in chunks of whatever size the reader produces. */
export interface RowSource {
  rows: AsyncIterable<RawRow[]>;
  /** How much of the file has been read, 0–1, for the progress estimate. */
  fractionRead(): number;
  /** Stops reading and releases the file. */
  close(): void;
}

/** A row with nothing in it (a blank line, or cells that are all empty). */
export function isBlankRow(cells: readonly unknown[]): boolean {
  for (const c of cells) {
    if (c === null || c === undefined) continue;
    if (typeof c === 'string' ? c.trim() !== '' : true) return false;
  }
  return true;
}
