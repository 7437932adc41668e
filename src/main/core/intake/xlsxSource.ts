import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import type { RawRow, RowSource } from './rowSource';

/*
 * XLSX through exceljs's streaming reader: rows arrive one by one as the zip is inflated, so a
 * sheet of any size is read without loading the workbook. Styles are read so that date cells
 * come out as dates rather than serial numbers.
 */

// Fields the streaming reader has at run time but its typings leave out.
interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name?: string;
}
interface BookReader extends AsyncIterable<SheetReader> {
  model?: { sheets?: { name: string }[] };
}

/**
 * exceljs is loaded when an XLSX file is read, not when the import worker starts: it takes a
 * third of a second to load, and most lead lists are CSV.
 */
async function openBook(stream: ReadStream): Promise<BookReader> {
  const { default: Excel } = await import('exceljs');
  return new Excel.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as BookReader;
}

function rowCells(row: ExcelJS.Row): unknown[] {
  // exceljs numbers cells from 1; index 0 is always empty.
  const values = row.values as unknown[];
  const cells: unknown[] = [];
  for (let i = 1; i < values.length; i++) cells.push(values[i]);
  return cells;
}

function unreadable(err: unknown): AppError {
  return new AppError('invalid_input', `The file could not be read as XLSX: ${String(err)}`, {
    fields: [{ path: 'path', key: 'import_file_unreadable' }],
  });
}

function sheetNotFound(sheet: string): AppError {
  return new AppError('invalid_input', `The workbook has no sheet named "${sheet}".`, {
    fields: [{ path: 'sheet', key: 'import_sheet_not_found' }],
  });
}

interface SheetInfo {
  sheet: string;
  sheetNames: string[];
}

/**
 * The rows of the chosen sheet (or the first one), in chunks. The sheet is read inside the
 * loop over the workbook: leaving that loop early would stop the zip the sheet is read from.
 * Sheets passed over are drained by exceljs.
 */
async function* sheetRows(
  stream: ReadStream,
  sheet: string | undefined,
  onSheet: (info: SheetInfo) => void,
): AsyncGenerator<RawRow[]> {
  try {
    const book = await openBook(stream);
    let index = 0;
    for await (const reader of book) {
      index++;
      const name = reader.name ?? `Sheet${index}`;
      if (sheet !== undefined && name !== sheet) continue;
      // workbook.xml precedes the sheets in the zip, so every name is known by now.
      onSheet({ sheet: name, sheetNames: book.model?.sheets?.map((s) => s.name) ?? [name] });
      let chunk: RawRow[] = [];
      for await (const row of reader) {
        chunk.push({ row: row.number, cells: rowCells(row) });
        if (chunk.length >= 500) {
          yield chunk;
          chunk = [];
        }
      }
      if (chunk.length > 0) yield chunk;
      return;
    }
  } catch (err) {
    throw err instanceof AppError ? err : unreadable(err);
  }
  if (sheet !== undefined) throw sheetNotFound(sheet);
  throw new AppError('invalid_input', 'The workbook has no sheet.', {
    fields: [{ path: 'path', key: 'import_file_unreadable' }],
  });
}

/** The first `count` rows of a sheet, for the preview. */
export async function readXlsxHead(
  path: string,
  sheet: string | undefined,
  count: number,
): Promise<{ rows: RawRow[]; sheetNames: string[]; sheet: string }> {
  const stream = createReadStream(path);
  let info: SheetInfo = { sheet: sheet ?? '', sheetNames: [] };
  const rows: RawRow[] = [];
  try {
    for await (const chunk of sheetRows(stream, sheet, (i) => (info = i))) {
      rows.push(...chunk.slice(0, count - rows.length));
      if (rows.length >= count) break;
    }
  } finally {
    stream.destroy();
  }
  return { rows, ...info };
}

/** Streams a sheet's rows; row numbers are the sheet's own (empty rows are not in the file). */
export async function openXlsxSource(path: string, sheet: string | undefined): Promise<RowSource> {
  const size = (await stat(path)).size;
  const stream = createReadStream(path);
  return {
    rows: sheetRows(stream, sheet, () => {}),
    fractionRead: () => (size === 0 ? 1 : Math.min(1, stream.bytesRead / size)),
    close: () => stream.destroy(),
  };
}
