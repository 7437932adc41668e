/*
 * What a spreadsheet cell shows, as text. CSV cells are strings already; exceljs gives numbers,
 * dates, rich text, formulas (with their cached result) and hyperlinks as objects.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * exceljs turns a date cell into a Date whose UTC fields are the wall-clock time typed in the
 * sheet (Excel stores no time zone), so they are read back as UTC here.
 */
export function wallClockText(d: Date): string {
  const date = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return h === 0 && m === 0 ? date : `${date} ${pad(h)}:${pad(m)}`;
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : wallClockText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return (v.richText as { text?: unknown }[]).map((r) => cellText(r.text)).join('');
    }
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return typeof v.error === 'string' ? v.error : '';
  }
  return String(value);
}

/** The value a time column should be read from: the formula's result, the link's text. */
export function cellValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const v = value as Record<string, unknown>;
    if ('result' in v) return cellValue(v.result);
    return cellText(value);
  }
  return value;
}
