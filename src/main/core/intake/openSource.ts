import { extname } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ImportFile } from '../../../shared/importTypes';
import { detectCsvFormat, openCsvSource, readCsvHead } from './csvSource';
import type { RowSource } from './rowSource';
import { openXlsxSource } from './xlsxSource';

export type FileKind = 'csv' | 'xlsx';

/** XLSX by its extension; anything else is read as delimited text. */
export function fileKind(path: string): FileKind {
  const ext = extname(path).toLowerCase();
  return ext === '.xlsx' || ext === '.xlsm' ? 'xlsx' : 'csv';
}

export function unreadableFile(err: unknown): AppError {
  const code = (err as { code?: string }).code;
  const what = code === 'ENOENT' ? 'does not exist' : `could not be read (${String(err)})`;
  return new AppError('invalid_input', `The file ${what}.`, {
    fields: [
      { path: 'path', key: code === 'ENOENT' ? 'import_file_missing' : 'import_file_unreadable' },
    ],
  });
}

/** The file's rows, CSV format detected from its head unless given. */
export async function openSource(file: ImportFile): Promise<RowSource> {
  try {
    if (fileKind(file.path) === 'xlsx') return await openXlsxSource(file.path, file.sheet);
    const format = detectCsvFormat(await readCsvHead(file.path), file.delimiter);
    return await openCsvSource(file.path, format);
  } catch (err) {
    throw err instanceof AppError ? err : unreadableFile(err);
  }
}
