import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import Papa from 'papaparse';
import type { CsvDelimiter, TextEncoding } from '../../../shared/importTypes';
import { csvDelimiters } from '../../../shared/importTypes';
import { emptyFile, notText } from './fileRefusals';
import type { RawRow, RowSource } from './rowSource';
import {
  encodedLength,
  MAX_NON_TEXT_SHARE,
  nonTextShare,
  sniffText,
  textDecoder,
} from './textEncoding';

/*
 * CSV through papaparse's parser, fed 1 MiB at a time: each chunk is parsed up to its last
 * complete row and the rest is carried into the next, so quoted fields with commas, quotes and
 * line breaks may straddle chunks, and a file of any size is read in constant memory.
 * (Papa.parse on a Node stream guesses the delimiter and line ending per chunk and ignores
 * the BOM, so the format is detected once here from the file's head and then fixed.)
 */

export type Newline = '\r\n' | '\n' | '\r';

export interface CsvFormat {
  delimiter: CsvDelimiter;
  newline: Newline;
  encoding: TextEncoding;
}

export interface CsvHead {
  /** The sample decoded (a Windows-1258 file's tones still combining marks). */
  text: string;
  encoding: TextEncoding;
  /** The sample is the whole file. */
  complete: boolean;
  /** UTF-8 with a few bytes that are not: shown as U+FFFD. */
  lossy: boolean;
}

const CHUNK_BYTES = 1 << 20;
const HEAD_BYTES = 256 * 1024;

/**
 * The first bytes of the file as text, in the encoding they are in. Refuses an empty file and
 * one whose sample is not text (random bytes, a binary renamed .csv): only the sample is read,
 * so a 50 MB file of garbage is refused as fast as a small one.
 */
export async function readCsvHead(path: string): Promise<CsvHead> {
  const handle = await open(path, 'r');
  let bytes: Buffer;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    bytes = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (bytes.length === 0) throw emptyFile();
  const complete = bytes.length < HEAD_BYTES;
  const sniffed = sniffText(bytes, complete);
  if (sniffed === null || nonTextShare(sniffed.text) > MAX_NON_TEXT_SHARE) throw notText();
  // A byte order mark, blank lines and spaces only.
  if (sniffed.text.trim() === '') throw emptyFile();
  return { text: sniffed.text, encoding: sniffed.encoding, complete, lossy: sniffed.lossy };
}

/** The line ending of the first line break outside quotes. */
export function detectNewline(text: string): Newline {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\r') return text[i + 1] === '\n' ? '\r\n' : '\r';
    else if (!quoted && c === '\n') return '\n';
  }
  return '\n';
}

/**
 * The delimiter that splits the first rows into the same number (> 1) of fields most often.
 * (papaparse's own guess gives up on files with blank lines, common in exports.)
 */
export function detectDelimiter(text: string, newline: Newline): CsvDelimiter {
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const delimiter of csvDelimiters) {
    const rows = Papa.parse<string[]>(text, {
      delimiter,
      newline,
      preview: 30,
      skipEmptyLines: 'greedy',
    }).data;
    const byCount = new Map<number, number>();
    for (const r of rows) byCount.set(r.length, (byCount.get(r.length) ?? 0) + 1);
    for (const [fields, rowsWithIt] of byCount) {
      const score = fields > 1 ? rowsWithIt * 1000 + fields : 0;
      if (score > bestScore) {
        best = delimiter;
        bestScore = score;
      }
    }
  }
  return best;
}

export function detectCsvFormat(
  head: { text: string; encoding: TextEncoding },
  delimiter?: CsvDelimiter,
): CsvFormat {
  const newline = detectNewline(head.text);
  return {
    delimiter: delimiter ?? detectDelimiter(head.text, newline),
    newline,
    encoding: head.encoding,
  };
}

/** Streams the file's rows; row numbers count records (a quoted line break stays in its row). */
export async function openCsvSource(path: string, format: CsvFormat): Promise<RowSource> {
  const size = (await stat(path)).size;
  // Bytes, decoded here: the file may be UTF-16 or a Windows code page, not only UTF-8.
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const decoder = textDecoder(format.encoding);
  const parser = new Papa.Parser({
    delimiter: format.delimiter,
    newline: format.newline,
    quoteChar: '"',
  });

  let consumed = 0;
  async function* rows(): AsyncGenerator<RawRow[]> {
    let carried = '';
    let first = true;
    let rowNumber = 0;
    const number = (data: string[][]): RawRow[] =>
      data.map((cells) => ({ row: ++rowNumber, cells }));
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let text = carried + decoder.write(chunk);
      if (first) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      // `true`: leave the last, possibly incomplete, row out; its start is `cursor`.
      const result = parser.parse(text, 0, true) as { data: string[][]; meta: { cursor: number } };
      carried = text.slice(result.meta.cursor);
      // What the parser has taken, not what the stream read ahead: the progress bar's measure.
      consumed = stream.bytesRead - encodedLength(carried, format.encoding);
      if (result.data.length > 0) yield number(result.data);
    }
    if (first) return; // empty file
    consumed = size;
    carried += decoder.end();
    if (carried !== '') {
      const result = parser.parse(carried, 0, false) as { data: string[][] };
      yield number(result.data);
    }
  }

  return {
    rows: rows(),
    fractionRead: () => (size === 0 ? 1 : Math.min(1, consumed / size)),
    close: () => stream.destroy(),
  };
}
