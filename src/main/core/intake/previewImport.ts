import Papa from 'papaparse';
import type { ImportFile, ImportPreview } from '../../../shared/importTypes';
import { cellText } from './cellText';
import { detectCsvFormat, readCsvHead } from './csvSource';
import { emptyFile } from './fileRefusals';
import { detectMapping } from './headerMapping';
import { fileKind, unreadableFile } from './openSource';
import { isBlankRow } from './rowSource';
import { readXlsxHead } from './xlsxSource';
import { AppError } from '../../../shared/errors';

export const PREVIEW_ROWS = 20;

/**
 * The first rows of a file and the column mapping detected for it, for the preview step:
 * nothing is written. `headers` is the first row with data; `sampleRows` the rows after it.
 */
export async function previewImport(file: ImportFile): Promise<ImportPreview> {
  try {
    return fileKind(file.path) === 'xlsx' ? await previewXlsx(file) : await previewCsv(file);
  } catch (err) {
    throw err instanceof AppError ? err : unreadableFile(err);
  }
}

function shape(rows: unknown[][]): { headers: string[]; sampleRows: string[][] } {
  // NFC: a Windows-1258 file writes tones as combining marks; shown as the letters they make.
  const texts = rows
    .filter((r) => !isBlankRow(r))
    .map((r) => r.map((c) => cellText(c).normalize('NFC')));
  const width = Math.max(0, ...texts.map((r) => r.length));
  const padded = texts.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
  return { headers: padded[0] ?? [], sampleRows: padded.slice(1, PREVIEW_ROWS + 1) };
}

async function previewCsv(file: ImportFile): Promise<ImportPreview> {
  const head = await readCsvHead(file.path);
  const format = detectCsvFormat(head, file.delimiter);
  const rows = Papa.parse<string[]>(head.text, {
    delimiter: format.delimiter,
    newline: format.newline,
    preview: PREVIEW_ROWS * 2 + 1,
  }).data;
  const { headers, sampleRows } = shape(rows);
  // Delimiters and quotes only (`,,,`): nothing in it either.
  if (headers.length === 0) throw emptyFile();
  const warnings: ImportPreview['warnings'] = [];
  if (head.lossy) warnings.push('not_utf8');
  // Said before the import, not after it as "0 rows": the sample is the whole file here.
  if (head.complete && sampleRows.length === 0) warnings.push('no_data_rows');
  return {
    kind: 'csv',
    headers,
    sampleRows,
    mapping: detectMapping(headers, sampleRows),
    delimiter: format.delimiter,
    encoding: format.encoding,
    warnings,
  };
}

async function previewXlsx(file: ImportFile): Promise<ImportPreview> {
  const wanted = PREVIEW_ROWS * 2 + 1;
  const head = await readXlsxHead(file.path, file.sheet, wanted);
  const raw = head.rows.map((r) => r.cells);
  const { headers, sampleRows } = shape(raw);
  // Detection reads the cells as exceljs gives them (a phone stored as a number included).
  const nonBlank = raw.filter((r) => !isBlankRow(r));
  return {
    kind: 'xlsx',
    headers,
    sampleRows,
    mapping: detectMapping(nonBlank[0] ?? [], nonBlank.slice(1, PREVIEW_ROWS + 1)),
    sheetNames: head.sheetNames,
    sheet: head.sheet,
    // Fewer rows than asked for: the sheet ended. (An empty sheet is not refused: another sheet
    // of the workbook may be the list.)
    warnings: head.rows.length < wanted && nonBlank.length <= 1 ? ['no_data_rows'] : [],
  };
}
