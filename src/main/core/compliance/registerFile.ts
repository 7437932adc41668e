import { createReadStream, statSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { normalisePhone } from '../../../shared/phone';

/*
 * The national register's file as the operator gives it: text, one number per line, or lines
 * of cells (`,` `;` tab) of which one holds the number, with or without a header. Read whole
 * before anything is written; a file that cannot be read whole is refused, so the copy in
 * force stays in force.
 */

export type RegisterRefusal = 'not_text' | 'no_numbers' | 'truncated';

export interface RegisterRead {
  /** Sorted, distinct E.164 digits (the list keys). */
  keys: Float64Array;
  count: number;
  /** Non-empty lines with no valid number, a first header line excepted. */
  invalidLines: number;
}

const CHUNK_BYTES = 1024 * 1024;
/** A text list has next to no control characters; a binary file has them everywhere. */
const MAX_CONTROL_SHARE = 0.01;

export function refusal(reason: RegisterRefusal): AppError {
  const messages: Record<RegisterRefusal, string> = {
    not_text: 'This file is not a text list of numbers (it looks binary).',
    no_numbers: 'This file holds no valid phone number.',
    truncated:
      'This file ends in the middle of a line: it was cut short. Get the whole file again.',
  };
  return new AppError('dnc_file_refused', messages[reason], {
    data: { reason },
    fields: [{ path: 'uploadId', key: `dnc_file_${reason}` }],
  });
}

/** The first valid number among a line's cells, as its list key, or null. */
export function lineKey(line: string): number | null {
  const whole = normalisePhone(line);
  if (whole.valid) return Number(whole.e164.slice(1));
  if (!/[,;\t]/.test(line)) return null;
  for (const cell of line.split(/[,;\t]/)) {
    const n = normalisePhone(cell.replace(/"/g, ''));
    if (n.valid) return Number(n.e164.slice(1));
  }
  return null;
}

function controlShare(bytes: Buffer): number {
  let control = 0;
  for (const b of bytes) if (b < 32 && b !== 9 && b !== 10 && b !== 13) control++;
  return bytes.length === 0 ? 0 : control / bytes.length;
}

/**
 * Reads the whole file; `onProgress(fraction)` as it goes (the share of its bytes read).
 * Throws `dnc_file_refused` for a binary file, a file with no valid number, or a file cut
 * mid-line (its last line has no end and no valid number) or that changed while being read.
 */
export async function readRegisterFile(
  path: string,
  onProgress?: (fraction: number, count: number) => void,
): Promise<RegisterRead> {
  const size = statSync(path).size;
  let keys = new Float64Array(1 << 16);
  let count = 0;
  let invalidLines = 0;
  let firstLine = true;
  let rest = '';
  let bytesRead = 0;
  const take = (raw: string) => {
    const line = raw.trim();
    if (line === '') return;
    const key = lineKey(line);
    if (key === null) {
      if (!firstLine) invalidLines++;
    } else {
      if (count === keys.length) {
        const grown = new Float64Array(keys.length * 2);
        grown.set(keys);
        keys = grown;
      }
      keys[count++] = key;
    }
    firstLine = false;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const bytes = chunk as Buffer;
    if (bytes.includes(0) || controlShare(bytes.subarray(0, 65536)) > MAX_CONTROL_SHARE) {
      throw refusal('not_text');
    }
    bytesRead += bytes.length;
    const text = rest + bytes.toString('latin1').replace(/^\uFEFF|^ï»¿/, '');
    const lines = text.split('\n');
    rest = lines.pop()!;
    for (const line of lines) take(line);
    onProgress?.(size === 0 ? 1 : bytesRead / size, count);
  }
  if (bytesRead !== size || statSync(path).size !== size) throw refusal('truncated');
  if (rest.trim() !== '') {
    if (lineKey(rest.trim()) === null && count > 0) throw refusal('truncated');
    take(rest);
  }
  if (count === 0) throw refusal('no_numbers');
  const sorted = keys.subarray(0, count).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  }
  return { keys: sorted.subarray(0, distinct), count: distinct, invalidLines };
}
