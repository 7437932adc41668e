import { z } from 'zod';

/*
 * The shapes of a lead import, as zod schemas so the API contract can reuse them:
 * `imports.preview` reads an upload (an ImportFile on main's side) and returns an
 * ImportPreview; `imports.run` takes the same upload and an ImportMapping (the preview's,
 * possibly edited) and returns an ImportReport.
 */

/** The lead fields a column can feed. */
export const importFields = ['name', 'phone', 'source', 'note', 'receivedAt'] as const;
export const ImportField = z.enum(importFields);
export type ImportField = z.infer<typeof ImportField>;

export const csvDelimiters = [',', ';', '\t'] as const;
export const CsvDelimiter = z.enum(csvDelimiters);
export type CsvDelimiter = z.infer<typeof CsvDelimiter>;

/** The text encodings a CSV is read in (detected from its first bytes, then converted). */
export const textEncodings = ['utf8', 'utf16le', 'utf16be', 'windows1258', 'windows1252'] as const;
export const TextEncoding = z.enum(textEncodings);
export type TextEncoding = z.infer<typeof TextEncoding>;

export const ImportFile = z
  .object({
    /** An absolute path on the machine running the core. */
    path: z.string().min(1).max(4096),
    /** XLSX: the sheet to read; the first one when absent. */
    sheet: z.string().min(1).max(200).optional(),
    /** CSV: the delimiter; detected from the first rows when absent. */
    delimiter: CsvDelimiter.optional(),
  })
  .strict();
export type ImportFile = z.infer<typeof ImportFile>;

/** A 0-based column index, or null when no column feeds the field. */
const Column = z.number().int().min(0).max(999).nullable();

export const ImportMapping = z
  .object({
    /** The first row holds headers and is not imported. */
    hasHeader: z.boolean(),
    columns: z
      .object({ name: Column, phone: Column, source: Column, note: Column, receivedAt: Column })
      .strict(),
    /** The source of rows whose source cell is empty or unmapped (e.g. the campaign). */
    defaultSource: z.string().trim().max(200).default(''),
  })
  .strict()
  .refine((m) => m.columns.name !== null || m.columns.phone !== null, {
    message: 'import_mapping_needs_name_or_phone',
    path: ['columns'],
  })
  .refine(
    (m) => {
      const used = Object.values(m.columns).filter((c) => c !== null);
      return new Set(used).size === used.length;
    },
    { message: 'import_mapping_column_twice', path: ['columns'] },
  );
export type ImportMapping = z.output<typeof ImportMapping>;
export type ImportMappingInput = z.input<typeof ImportMapping>;

export const ImportPreview = z.object({
  kind: z.enum(['csv', 'xlsx']),
  /** The first row's cells (headers when `mapping.hasHeader`). */
  headers: z.array(z.string()),
  /** The next rows, as the cells would show in a spreadsheet. */
  sampleRows: z.array(z.array(z.string())),
  /** The mapping detected from the headers (or, without headers, from the cells). */
  mapping: ImportMapping,
  /** CSV: the delimiter found (or given). */
  delimiter: CsvDelimiter.optional(),
  /** CSV: the encoding found; a Windows code page or UTF-16 is converted as the file is read. */
  encoding: TextEncoding.optional(),
  /** XLSX: every sheet's name, and the one previewed. */
  sheetNames: z.array(z.string()).optional(),
  sheet: z.string().optional(),
  /**
   * `not_utf8`: UTF-8 with a few bytes that are not (shown as �; save the file as "CSV UTF-8").
   * `no_data_rows`: the file (or sheet) holds at most one row, its first: with headers, nothing
   * to import.
   */
  warnings: z.array(z.enum(['not_utf8', 'no_data_rows'])),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** Rows that become no lead. */
export const rejectReasons = ['empty_row', 'no_name_no_phone'] as const;
/** Rows kept as leads, with something the agent should know. */
export const flagReasons = [
  'phone_invalid',
  'phone_missing',
  'time_unreadable',
  // Kept with both: the first as the phone, the second as the second number (or in the note).
  'two_numbers',
  // Kept, but its number is on a do-not-call list: it cannot be dialled.
  'on_dnc_list',
] as const;
export const ImportReason = z.enum([...rejectReasons, ...flagReasons]);
export type ImportReason = z.infer<typeof ImportReason>;

export const ImportReportLine = z.object({
  /** The row's number as a spreadsheet shows it (the header row is row 1). */
  row: z.number().int().positive(),
  reason: ImportReason,
  name: z.string(),
  /** The phone cell as it was in the file. */
  phone: z.string(),
});
export type ImportReportLine = z.infer<typeof ImportReportLine>;

export const ImportCounts = z.object({
  /** Data rows read and written (header excluded; after a cancel, whole batches only). */
  rowsRead: z.number().int().nonnegative(),
  newLeads: z.number().int().nonnegative(),
  /** Rows whose number (or, without a valid number, number as given + name) was already a lead. */
  mergedDuplicates: z.number().int().nonnegative(),
  /** Of those merged, the rows that changed nothing (their source and note were there). */
  unchanged: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  /** Rows kept as leads whose number is invalid or missing (a line each in the report). */
  invalidPhones: z.number().int().nonnegative(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

/**
 * A report lists at most this many lines: enough for anyone to read or fix, and the import of a
 * 2,000,000-row file of bad numbers keeps its memory bounded.
 */
export const MAX_REPORT_LINES = 100_000;

export const ImportReport = z.object({
  counts: ImportCounts,
  /** rowsRead = newLeads + mergedDuplicates + rejected: every row is accounted for. */
  balanced: z.boolean(),
  /** One line per rejected row and per flag on a kept row, the first MAX_REPORT_LINES of them. */
  lines: z.array(ImportReportLine),
  /** Lines beyond those (their rows are in the counts all the same). */
  linesOmitted: z.number().int().min(0).optional(),
  /** Stopped by its AbortSignal: `counts` cover the batches written before it. */
  cancelled: z.boolean(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export function isBalanced(c: ImportCounts): boolean {
  return c.rowsRead === c.newLeads + c.mergedDuplicates + c.rejected;
}
