import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { PRIVATE_FILE_MODE } from '../privateFiles';
import type { Cell } from './columns';
import type { ZonedDates } from './localDates';

/** Where an export's rows go: a CSV or an XLSX file, written as the rows come. */
export interface SheetSink {
  writeRows(rows: readonly Cell[][]): Promise<void>;
  /** Completes the file. */
  finish(): Promise<void>;
  /** Stops writing; the caller deletes the file. */
  abort(): Promise<void>;
}

export interface SheetLayout {
  sheetName: string;
  headers: string[];
  /** Column widths in characters (XLSX). */
  widths: number[];
  /** Columns holding instants (shown dd/MM/yyyy HH:mm) and money (thousands separators). */
  dateColumns: ReadonlySet<number>;
  moneyColumns: ReadonlySet<number>;
  dates: ZonedDates;
}

const UTF8_BOM = '\uFEFF';
/** The longest an XLSX export writes rows before letting the event loop turn. */
const XLSX_SLICE_MS = 10;
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
// Text a spreadsheet would run as a formula when it opens a CSV (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(cell: Cell, dates: ZonedDates): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  let text = typeof cell === 'string' ? cell : dates.format(cell.at);
  if (typeof cell === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function writeChunk(stream: WriteStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/**
 * CSV as Excel opens it right: UTF-8 with a byte-order mark (without it Excel reads Vietnamese
 * as Windows-1252), commas, CRLF line ends, quotes where needed.
 */
export async function csvSink(path: string, layout: SheetLayout): Promise<SheetSink> {
  const stream = createWriteStream(path, { flags: 'wx', mode: PRIVATE_FILE_MODE });
  await once(stream, 'open');
  const line = (cells: readonly Cell[]) =>
    cells.map((c) => csvField(c, layout.dates)).join(',') + '\r\n';
  await writeChunk(stream, UTF8_BOM + line(layout.headers));
  const closed = () =>
    new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      stream.end(() => resolve());
    });
  return {
    async writeRows(rows) {
      let chunk = '';
      for (const r of rows) chunk += line(r);
      await writeChunk(stream, chunk);
    },
    finish: closed,
    abort: closed,
  };
}

/**
 * XLSX through exceljs's streaming writer: each row is committed (serialised into the zip
 * stream) as it is added, so the workbook never holds more than the row being written.
 * Inline strings rather than a shared-string table, which would keep every distinct text in
 * memory until the end. Times are real dates (sortable and filterable in Excel) showing
 * dd/mm/yyyy hh:mm as the clock in the configured zone read.
 */
export async function xlsxSink(path: string, layout: SheetLayout): Promise<SheetSink> {
  const stream = createWriteStream(path, { flags: 'wx', mode: PRIVATE_FILE_MODE });
  await once(stream, 'open');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = book.addWorksheet(layout.sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = layout.widths.map((width, i) => ({
    width,
    ...(layout.dateColumns.has(i)
      ? { style: { numFmt: 'dd/mm/yyyy hh:mm' } }
      : layout.moneyColumns.has(i)
        ? { style: { numFmt: '#,##0' } }
        : {}),
  }));
  const header = sheet.addRow(layout.headers);
  header.font = { bold: true };
  header.commit();
  const value = (cell: Cell): ExcelJS.CellValue =>
    cell !== null && typeof cell === 'object' ? layout.dates.wallClock(cell.at) : cell;
  let done = false;
  const finish = async () => {
    if (done) return;
    done = true;
    sheet.commit();
    await book.commit();
  };
  return {
    async writeRows(rows) {
      let sliceStart = performance.now();
      for (const r of rows) {
        sheet.addRow(r.map(value)).commit();
        // A row costs ~40 µs warm but far more while the code is still cold (a first page of 500
        // rows held the loop ~110–150 ms): give IPC and the UI their turn by time, not by rows.
        if (performance.now() - sliceStart >= XLSX_SLICE_MS) {
          await yieldToEventLoop();
          sliceStart = performance.now();
        }
      }
      // Let the zip stream drain what this page produced before the next one.
      if (stream.writableNeedDrain) await once(stream, 'drain');
    },
    finish,
    abort: finish,
  };
}
