import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { PRIVATE_FILE_MODE } from '../infra/privateFiles';
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
 * The file's stream, with its first error kept. A write the disk refuses (no room) fails later,
 * as an 'error' event: heard by nobody, it would end the process; kept, the next step throws it.
 */
function watchedStream(path: string) {
  const stream = createWriteStream(path, { flags: 'wx', mode: PRIVATE_FILE_MODE });
  let failed: Error | null = null;
  stream.on('error', (err) => (failed ??= err));
  return {
    stream,
    check() {
      if (failed) throw failed;
    },
    /** Closes the file without finishing it (the caller deletes it). */
    async close() {
      if (stream.closed) return;
      const closed = once(stream, 'close').catch(() => undefined);
      stream.destroy();
      await closed;
    },
  };
}

/**
 * CSV as Excel opens it right: UTF-8 with a byte-order mark (without it Excel reads Vietnamese
 * as Windows-1252), commas, CRLF line ends, quotes where needed.
 */
export async function csvSink(path: string, layout: SheetLayout): Promise<SheetSink> {
  const file = watchedStream(path);
  const { stream } = file;
  await once(stream, 'open');
  const line = (cells: readonly Cell[]) =>
    cells.map((c) => csvField(c, layout.dates)).join(',') + '\r\n';
  await writeChunk(stream, UTF8_BOM + line(layout.headers));
  return {
    async writeRows(rows) {
      file.check();
      let chunk = '';
      for (const r of rows) chunk += line(r);
      await writeChunk(stream, chunk);
    },
    async finish() {
      file.check();
      await new Promise<void>((resolve, reject) =>
        stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
      );
      file.check();
    },
    abort: file.close,
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
  const file = watchedStream(path);
  const { stream } = file;
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
    // exceljs would wait for ever for a stream that already failed to finish.
    file.check();
    sheet.commit();
    await book.commit();
    file.check();
  };
  return {
    async writeRows(rows) {
      file.check();
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
    abort: async () => {
      done = true;
      await file.close();
    },
  };
}
