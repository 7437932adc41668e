import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../../../shared/domain';
import { exportTexts } from '../../../shared/exportTexts';
import type {
  ExportFilter,
  ExportFormat,
  ExportKind,
  ExportReport,
} from '../../../shared/exportTypes';
import { localTime } from '../../../shared/time';
import { countExportRows, exportPages } from './db/exportQueries';
import type { Db } from '../db/open';
import { listStatuses } from '../workflow/db/statuses';
import { makePrivateDir } from '../infra/privateFiles';
import { isPhoneField, maskPhone, maskPhonesInText } from '../../../shared/phoneMask';
import { columns, headersOf, type Cell, type Column, type ColumnContext } from './columns';
import { zonedDates } from './localDates';
import { csvSink, xlsxSink, yieldToEventLoop, type SheetSink } from './sheetSinks';

export interface ExportOptions {
  id: string;
  kind: ExportKind;
  format: ExportFormat;
  filter: ExportFilter;
  /** The folder exports go to; `fileName` (or a name made from the kind and time) inside it. */
  dir: string;
  fileName?: string;
  language: Language;
  timeZone: string;
  now: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Rows read and written per step, between which the event loop runs. */
  pageSize?: number;
  /**
   * An agent's export with masking on: phone cells come out as `0912 *** 678`, and so does every
   * number written in a text cell (a note, an address).
   */
  maskNumbers?: boolean;
}

/*
 * 500 rows a page, read in one go; the XLSX writer also lets the event loop turn every 10 ms
 * within a page (exceljs spends ~40 µs on a row warm, far more cold), so IPC and the UI's calls
 * wait ~35–60 ms at worst (`export.xlsx.max_loop_block_ms`). Progress is sent at most every
 * 100 ms.
 */
export const EXPORT_PAGE_SIZE = 500;
const PROGRESS_EVERY_MS = 100;

const maskCell = (cell: Cell): Cell => (typeof cell === 'string' ? maskPhone(cell) : cell);
const maskText = (cell: Cell): Cell => (typeof cell === 'string' ? maskPhonesInText(cell) : cell);
const pad = (n: number) => String(n).padStart(2, '0');

function defaultName(kind: ExportKind, format: ExportFormat, now: number, timeZone: string) {
  const l = localTime(now, timeZone);
  const stamp = `${l.year}${pad(l.month)}${pad(l.day)}-${pad(Math.floor(l.minutes / 60))}${pad(l.minutes % 60)}`;
  return `${kind}-${stamp}.${format}`;
}

/** `name.xlsx`, else `name (2).xlsx`, … : an export never overwrites a file. */
function freePath(dir: string, name: string, format: ExportFormat): string {
  const base = name.toLowerCase().endsWith(`.${format}`)
    ? name.slice(0, -(format.length + 1))
    : name;
  for (let i = 1; ; i++) {
    const path = join(dir, `${base}${i === 1 ? '' : ` (${i})`}.${format}`);
    if (!existsSync(path) && !existsSync(`${path}.part`)) return path;
  }
}

/**
 * Writes the rows a filter selects to a CSV or XLSX file, page by page: one page in memory at
 * a time, progress after each page, the event loop free between pages. The file is written
 * under a `.part` name and renamed when complete; a cancel or a failure deletes it.
 */
export async function runExport(db: Db, o: ExportOptions): Promise<ExportReport> {
  const kind = o.kind;
  const cols = columns[kind] as Column<ExportKind>[];
  const maskedColumns = o.maskNumbers
    ? cols.flatMap((c, i) => (isPhoneField(c.key) ? [i] : []))
    : [];
  // Every other column but the row's id is text someone typed or imported.
  const textColumns = o.maskNumbers
    ? cols.flatMap((c, i) => (isPhoneField(c.key) || c.key === 'id' ? [] : [i]))
    : [];
  const t = exportTexts(o.language);
  const labels = new Map(
    listStatuses(db).map((s) => [s.code, o.language === 'vi' ? s.labelVi : s.labelEn]),
  );
  const ctx: ColumnContext = {
    language: o.language,
    statusLabel: (code) => (code === null ? '' : (labels.get(code) ?? code)),
  };
  const dateColumns = new Set<number>();
  const moneyColumns = new Set<number>();
  cols.forEach((c, i) => {
    if (/At$/.test(c.key)) dateColumns.add(i);
    if (c.key === 'total') moneyColumns.add(i);
  });

  const total = countExportRows(db, kind, o.filter);
  const pages = exportPages(db, kind, o.filter, o.pageSize ?? EXPORT_PAGE_SIZE);
  makePrivateDir(o.dir);
  const path = freePath(
    o.dir,
    o.fileName ?? defaultName(kind, o.format, o.now, o.timeZone),
    o.format,
  );
  const part = `${path}.part`;
  const layout = {
    sheetName: t.sheet[kind],
    headers: headersOf(kind, o.language),
    widths: cols.map((c) => c.width),
    dateColumns,
    moneyColumns,
    dates: zonedDates(o.timeZone),
  };

  let sink: SheetSink | null = null;
  let done = 0;
  let cancelled = false;
  let lastProgress = performance.now();
  try {
    sink = o.format === 'csv' ? await csvSink(part, layout) : await xlsxSink(part, layout);
    o.onProgress?.(0, total);
    for (;;) {
      if (o.signal?.aborted) {
        cancelled = true;
        break;
      }
      const rows = pages.next();
      if (rows.length === 0) break;
      const cells: Cell[][] = rows.map((r) => cols.map((c) => c.value(r as never, ctx, t)));
      for (const row of cells) {
        for (const i of maskedColumns) row[i] = maskCell(row[i]!);
        for (const i of textColumns) row[i] = maskText(row[i]!);
      }
      await sink.writeRows(cells);
      done += rows.length;
      if (performance.now() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = performance.now();
        o.onProgress?.(done, Math.max(total, done));
      }
      await yieldToEventLoop();
    }
    if (cancelled) {
      await sink.abort();
      rmSync(part, { force: true });
      return { id: o.id, kind, format: o.format, path: '', rows: done, bytes: 0, cancelled };
    }
    await sink.finish();
    renameSync(part, path);
    o.onProgress?.(done, done);
  } catch (err) {
    await sink?.abort().catch(() => {});
    rmSync(part, { force: true });
    throw err;
  }
  return {
    id: o.id,
    kind,
    format: o.format,
    path,
    rows: done,
    bytes: statSync(path).size,
    cancelled: false,
  };
}
