import { AppError } from '../../../shared/errors';

/*
 * Files refused before anything is read into leads, each with its own message: the renderer
 * translates the field's key (`errors.import_file_empty`, `errors.import_not_text`).
 */

export function emptyFile(): AppError {
  return new AppError('invalid_input', 'The file is empty: it has no rows to import.', {
    fields: [{ path: 'path', key: 'import_file_empty' }],
  });
}

export function notText(): AppError {
  return new AppError(
    'invalid_input',
    'The file is not a lead list: its content is not text in UTF-8, UTF-16, Windows-1258 or Windows-1252.',
    { fields: [{ path: 'path', key: 'import_not_text' }] },
  );
}
