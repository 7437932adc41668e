import { extname } from 'node:path';
import type { Handlers } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { UploadRef } from '../../shared/intakeApi';
import { BUNDLE_EXTENSION } from '../../shared/syncApi';
import type { ImportFile } from '../../shared/importTypes';
import type { Clock } from './clock';
import type { CoreEventListener } from './core';
import type { Db } from './db/open';
import { searchLeads, searchVisibleLeads } from './db/search';
import { readSettings } from './db/settings';
import { importLeads, previewImport } from './import';
import type { Uploads } from './import/uploads';

type IntakeHandlers = Pick<
  Handlers,
  | 'imports.begin'
  | 'imports.chunk'
  | 'imports.preview'
  | 'imports.run'
  | 'imports.cancel'
  | 'leads.search'
>;

/** Upload, preview, import with progress and cancel, and search (issue 6). */
export function createIntakeHandlers(ctx: {
  db: Db;
  clock: Clock;
  uploads: Uploads;
  emit: CoreEventListener;
  /** Re-arms the reminder scheduler etc. after leads were written in bulk. */
  afterImport(): void;
  /** True when the calling connection sees numbers masked (an agent, masking on). */
  masksNumbers?: () => boolean;
}): IntakeHandlers {
  const { db, clock, uploads, emit } = ctx;
  const running = new Map<string, AbortController>();

  const fileOf = (ref: UploadRef): ImportFile => {
    const path = uploads.pathOf(ref.uploadId);
    // The same uploads carry sync bundles; those go through Sync, never into a lead import.
    if (extname(path).toLowerCase() === BUNDLE_EXTENSION) {
      throw new AppError(
        'invalid_input',
        'This is a LeadPhone sync bundle, not a lead list: import it under Sync.',
        { fields: [{ path: 'uploadId', key: 'import_is_bundle' }] },
      );
    }
    return {
      path,
      ...(ref.sheet === undefined ? {} : { sheet: ref.sheet }),
      ...(ref.delimiter === undefined ? {} : { delimiter: ref.delimiter }),
    };
  };

  return {
    'imports.begin': ({ fileName, size }) => ({ uploadId: uploads.begin(fileName, size) }),
    'imports.chunk': ({ uploadId, offset, data }) => ({
      received: uploads.write(uploadId, offset, Buffer.from(data, 'base64')),
    }),
    'imports.preview': (ref) => previewImport(fileOf(ref)),
    'imports.run': async ({ mapping, ...ref }) => {
      if (running.has(ref.uploadId)) {
        throw new AppError('invalid_input', 'This file is already being imported.', {
          fields: [{ path: 'uploadId', key: 'import_running' }],
        });
      }
      const file = fileOf(ref);
      const abort = new AbortController();
      running.set(ref.uploadId, abort);
      try {
        const report = await importLeads(db, file, mapping, {
          now: clock.now(),
          timeZone: readSettings(db).timeZone,
          signal: abort.signal,
          onProgress: (done, total) =>
            emit('import.progress', { uploadId: ref.uploadId, done, total }),
        });
        ctx.afterImport();
        // The ids are not tracked in bulk: an empty list means "reload what you show".
        emit('leads.changed', { ids: [] });
        return report;
      } finally {
        running.delete(ref.uploadId);
        uploads.remove(ref.uploadId);
      }
    },
    'imports.cancel': ({ uploadId }) => {
      const run = running.get(uploadId);
      if (run) run.abort();
      else uploads.remove(uploadId);
      return {};
    },
    'leads.search': ({ query, limit, cursor }) =>
      (ctx.masksNumbers?.() ? searchVisibleLeads : searchLeads)(db, { query, limit, cursor }),
  };
}
