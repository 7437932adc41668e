import { AppError } from '../../../shared/errors';
import {
  ImportMapping,
  isBalanced,
  MAX_REPORT_LINES,
  type ImportCounts,
  type ImportFile,
  type ImportMappingInput,
  type ImportReport,
  type ImportReportLine,
} from '../../../shared/importTypes';
import { DEFAULT_TIME_ZONE } from '../../../shared/time';
import { createImportWriter } from './db/leadImport';
import { dncBlock } from '../compliance/callBlock';
import { anyDncList } from '../compliance/db/dncLists';
import type { Db } from '../db/open';
import { readImportRow, type RowContext } from './importRow';
import { openSource } from './openSource';
import { createTimeReader } from './receivedTime';
import { isBlankRow, type RawRow } from './rowSource';

export interface ImportOptions {
  /** The instant written as created/updated (and received, when the file has no time). */
  now: number;
  /** Times in the file are wall-clock times here. */
  timeZone?: string;
  /**
   * Called at least every 250 ms while rows are read and after each batch: rows done, the total
   * estimated from the share of the file's bytes read so far, and that share (below 1 until the
   * last call, where done = total and fraction = 1).
   */
  onProgress?: (progress: ImportProgress) => void;
  /** Called after each batch committed (the worker checkpoints the WAL there). */
  afterBatch?: () => void;
  /**
   * Called inside each batch's transaction, last: rows done once it commits, and the total
   * estimated then (the import's run record is written here, so it never runs ahead).
   */
  inBatch?: (rowsDone: number, totalEstimate: number) => void;
  /** Aborting stops the import after the batch being written: whole batches or nothing. */
  signal?: AbortSignal;
  /** Rows per transaction. */
  batchSize?: number;
  /** Lines the report lists (MAX_REPORT_LINES unless a test asks for fewer). */
  maxReportLines?: number;
}

/*
 * 5,000 rows a transaction, with a 64 MiB page cache while importing. The leads table's
 * indexes are keyed by random ids (uuid, phone, time), so every row dirties a page in each of
 * them; each commit writes every dirtied page to the WAL once. Fewer, larger batches whose
 * pages stay in the cache until commit halved the import's time (100,000 rows: ~11 s at 2,000
 * rows and the default 2 MiB cache, ~6 s at 5,000 and 64 MiB), and a batch still takes only
 * ~0.3 s of the main thread.
 */
export const DEFAULT_BATCH_SIZE = 5000;
/** The longest the progress bar goes without news. */
export const PROGRESS_EVERY_MS = 250;

export interface ImportProgress {
  done: number;
  total: number;
  fraction: number;
}
const IMPORT_CACHE_KIB = 64 * 1024;

/** A row and how far into the file (0–1 of its bytes) it ends. */
interface PlacedRow extends RawRow {
  at: number;
}

// Marks a blank row inside a batch (its cells are not needed).
const BLANK: unknown[] = [];

function emptyCounts(): ImportCounts {
  return {
    rowsRead: 0,
    newLeads: 0,
    mergedDuplicates: 0,
    unchanged: 0,
    rejected: 0,
    invalidPhones: 0,
  };
}

function addCounts(into: ImportCounts, from: ImportCounts): void {
  for (const key of Object.keys(into) as (keyof ImportCounts)[]) into[key] += from[key];
}

/** Lets IPC and timers run between batches, so the app stays responsive during an import. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Imports the leads of a CSV or XLSX file (see ImportFile) with the given column mapping.
 *
 * Rows are written in batches, each batch one transaction: a crash or a cancel leaves whole
 * batches or nothing. Every data row ends up as a new lead, a merge into an existing one
 * (same normalised number — in the file or already in the database), or a rejection, and the
 * report says which, with a line for every rejected row and every kept row with a flag
 * (invalid or missing number, unreadable time). Blank rows at the end of the file are not rows.
 */
/**
 * The line with copies of its texts. A cell the parser cut from a chunk of the file is a view
 * into that chunk (V8 keeps substrings as slices of their parent), so one name kept in the
 * report kept the whole megabyte-sized chunk alive: 100,000 lines spread over a 2M-row file
 * held most of the file and ran the worker out of its heap.
 */
function ownStrings(line: ImportReportLine): ImportReportLine {
  const copy = (s: string) => Buffer.from(s, 'utf16le').toString('utf16le');
  return { ...line, name: copy(line.name), phone: copy(line.phone) };
}

export async function importLeads(
  db: Db,
  file: ImportFile,
  mappingInput: ImportMappingInput,
  options: ImportOptions,
): Promise<ImportReport> {
  const parsed = ImportMapping.safeParse(mappingInput);
  if (!parsed.success) {
    throw new AppError('invalid_input', 'The column mapping is not usable.', {
      fields: parsed.error.issues.map((i) => ({ path: i.path.join('.'), key: i.message })),
    });
  }
  const mapping = parsed.data;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const ctx: RowContext = {
    mapping,
    readTime: createTimeReader(options.timeZone ?? DEFAULT_TIME_ZONE),
    now: options.now,
  };
  const writer = createImportWriter(db, options.now);
  // Rows whose number is on a do-not-call list are flagged; with both lists empty, no lookups.
  const onDncList = anyDncList(db) ? (e164: string) => dncBlock(db, e164) !== null : () => false;
  const counts = emptyCounts();
  const lines: ImportReportLine[] = [];
  let linesOmitted = 0;
  // Where in the file the rows being written come from: each chunk of rows spans a range of
  // the file's bytes, and a row's position is interpolated within its chunk's range.
  let lastReport = performance.now();
  let fraction = 0;
  const report = (done: number, at: number) => {
    // Rows are counted, bytes are estimated: below 1 until the end, whatever the arithmetic says.
    fraction = Math.min(Math.max(fraction, at), 0.999);
    lastReport = performance.now();
    const total = Math.max(done, Math.round(done / Math.max(fraction, 1e-6)));
    options.onProgress?.({ done, total: fraction > 0 ? total : done, fraction });
  };

  // One transaction per batch; counts and lines join the report only once it committed.
  const writeBatch = db.transaction((rows: PlacedRow[]) => {
    const c = emptyCounts();
    const l: ImportReportLine[] = [];
    writer.begin();
    for (const { row, cells, at } of rows) {
      c.rowsRead++;
      if (options.onProgress && performance.now() - lastReport >= PROGRESS_EVERY_MS) {
        report(counts.rowsRead + c.rowsRead, at);
      }
      if (cells === BLANK) {
        c.rejected++;
        l.push({ row, reason: 'empty_row', name: '', phone: '' });
        continue;
      }
      const outcome = readImportRow(cells, ctx);
      if (outcome.kind === 'rejected') {
        c.rejected++;
        l.push({ row, reason: outcome.reason, name: outcome.name, phone: outcome.phone });
        continue;
      }
      const { lead, flags } = outcome;
      const written = writer.write(lead);
      if (written === 'new') c.newLeads++;
      else c.mergedDuplicates++;
      if (written === 'unchanged') c.unchanged++;
      if (lead.e164 === null) c.invalidPhones++;
      for (const reason of flags)
        l.push({ row, reason, name: lead.name, phone: lead.phoneAsGiven });
      if (lead.e164 !== null && onDncList(lead.e164))
        l.push({ row, reason: 'on_dnc_list', name: lead.name, phone: lead.phoneAsGiven });
    }
    writer.finish();
    if (options.inBatch) {
      const done = counts.rowsRead + c.rowsRead;
      const at = rows[rows.length - 1]!.at;
      options.inBatch(done, at > 0 ? Math.max(done, Math.round(done / at)) : done);
    }
    return { c, l };
  });

  const source = await openSource(file);
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  // Negative: KiB. Only ever raised, and put back when the import ends.
  if (cacheSize > -IMPORT_CACHE_KIB) db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  let cancelled = false;
  let skipHeader = mapping.hasHeader;
  let batch: PlacedRow[] = [];
  // Blank rows count (as rejected) only when a row with data follows them.
  let blanks: PlacedRow[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    if (options.signal?.aborted) {
      cancelled = true;
      return;
    }
    const { c, l } = writeBatch.immediate(batch);
    const at = batch[batch.length - 1]!.at;
    batch = [];
    addCounts(counts, c);
    for (const line of l) {
      if (lines.length < (options.maxReportLines ?? MAX_REPORT_LINES)) lines.push(ownStrings(line));
      else linesOmitted++;
    }
    options.afterBatch?.();
    report(counts.rowsRead, at);
    await yieldToEventLoop();
  };

  const add = async (raw: PlacedRow) => {
    batch.push(raw);
    if (batch.length >= batchSize) await flush();
  };

  try {
    let chunkStart = 0;
    reading: for await (const chunk of source.rows) {
      const chunkEnd = source.fractionRead();
      const span = (chunkEnd - chunkStart) / chunk.length;
      for (let i = 0; i < chunk.length; i++) {
        const raw: PlacedRow = { ...chunk[i]!, at: chunkStart + span * (i + 1) };
        if (isBlankRow(raw.cells)) {
          // Blank lines above the header row are not rows of data.
          if (!skipHeader) blanks.push({ row: raw.row, cells: BLANK, at: raw.at });
          continue;
        }
        if (skipHeader) {
          skipHeader = false;
          continue;
        }
        for (const blank of blanks) {
          await add(blank);
          if (cancelled) break reading;
        }
        blanks = [];
        await add(raw);
        if (cancelled) break reading;
      }
      chunkStart = chunkEnd;
      if (options.signal?.aborted) {
        cancelled = true;
        break;
      }
    }
    if (!cancelled) await flush();
  } finally {
    source.close();
    db.pragma(`cache_size = ${cacheSize}`);
  }
  options.onProgress?.({ done: counts.rowsRead, total: counts.rowsRead, fraction: 1 });
  return {
    counts,
    balanced: isBalanced(counts),
    lines,
    ...(linesOmitted > 0 ? { linesOmitted } : {}),
    cancelled,
  };
}
