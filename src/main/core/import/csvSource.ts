import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import Papa from 'papaparse';
import type { CsvDelimiter } from '../../../shared/importTypes';
import { csvDelimiters } from '../../../shared/importTypes';
import type { RawRow, RowSource } from './rowSource';

/*
 * CSV through papaparse's parser, fed 1 MiB at a time: each chunk is parsed up to its last
 * complete row and the rest is carried into the next, so quoted fields with commas, quotes and
 * line breaks may straddle chunks, and a file of any size is read in constant memory.
 * (Papa.parse on a Node stream guesses the delimiter and line ending per chunk and ignores
 * the BOM, so the format is detected once here from the file's head and then fixed.)
 */

export type Newline = '\r\n' | '\n' | '\r';
export type TextEncoding = 'utf8' | 'utf16le';

export interface CsvFormat {
  delimiter: CsvDelimiter;
  newline: Newline;
  encoding: TextEncoding;
}

const CHUNK_BYTES = 1 << 20;
const HEAD_BYTES = 256 * 1024;

function encodingOf(head: Uint8Array): { encoding: TextEncoding; bomBytes: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf8', bomBytes: 3 };
  }
  // Excel's "Unicode Text" export: UTF-16LE with a BOM, tab-delimited.
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', bomBytes: 2 };
  return { encoding: 'utf8', bomBytes: 0 };
}

/** The first bytes of the file as text, and whether they are all of it. */
export async function readCsvHead(
  path: string,
): Promise<{ text: string; encoding: TextEncoding; complete: boolean }> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    const bytes = buffer.subarray(0, bytesRead);
    const { encoding, bomBytes } = encodingOf(bytes);
    // A multi-byte character cut at the end of the head decodes to U+FFFD: drop it.
    const text = new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'utf-16le', { ignoreBOM: true })
      .decode(bytes.subarray(bomBytes))
      .replace(/\uFFFD{1,3}$/, '');
    return { text, encoding, complete: bytesRead < HEAD_BYTES };
  } finally {
    await handle.close();
  }
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
  const stream = createReadStream(path, { encoding: format.encoding, highWaterMark: CHUNK_BYTES });
  const parser = new Papa.Parser({
    delimiter: format.delimiter,
    newline: format.newline,
    quoteChar: '"',
  });

  let consumed = 0;
  async function* rows(): AsyncGenerator<RawRow[]> {
    let carried = '';
    let first = true;
    const encoding = format.encoding === 'utf8' ? 'utf8' : 'utf16le';
    let rowNumber = 0;
    const number = (data: string[][]): RawRow[] =>
      data.map((cells) => ({ row: ++rowNumber, cells }));
    for await (const chunk of stream as AsyncIterable<string>) {
      let text = carried + chunk;
      if (first) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      // `true`: leave the last, possibly incomplete, row out; its start is `cursor`.
      const result = parser.parse(text, 0, true) as { data: string[][]; meta: { cursor: number } };
      carried = text.slice(result.meta.cursor);
      // What the parser has taken, not what the stream read ahead: the progress bar's measure.
      consumed = stream.bytesRead - Buffer.byteLength(carried, encoding);
      if (result.data.length > 0) yield number(result.data);
    }
    if (first) return; // empty file
    consumed = size;
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
