import type { AreaHandlers } from '../../../shared/api';
import type { exportArea } from '../../../shared/api/export';
import { AppError } from '../../../shared/errors';
import type { Clock } from '../infra/clock';
import type { CoreEventListener } from '../plumbing/core';
import type { Db } from '../db/open';
import { readSettings } from '../settings/db/settings';
import { runExport } from './runExport';

/** Exports of leads, calls and orders to CSV/XLSX, with progress and cancel. */
export function createExportHandlers(ctx: {
  db: Db;
  clock: Clock;
  emit: CoreEventListener;
  /** The exports folder (beside the database). */
  dir: string;
  /** True when the calling connection sees numbers masked (an agent, masking on). */
  masksNumbers?: () => boolean;
}): AreaHandlers<typeof exportArea> {
  const running = new Map<string, AbortController>();
  return {
    'exports.start': async ({ id, kind, format, filter, fileName }) => {
      if (running.has(id)) {
        throw new AppError('invalid_input', 'This export is already running.', {
          fields: [{ path: 'id', key: 'export_running' }],
        });
      }
      const abort = new AbortController();
      running.set(id, abort);
      try {
        const settings = readSettings(ctx.db);
        return await runExport(ctx.db, {
          id,
          kind,
          format,
          filter,
          dir: ctx.dir,
          ...(fileName === undefined ? {} : { fileName }),
          language: settings.language,
          timeZone: settings.timeZone,
          now: ctx.clock.now(),
          maskNumbers: ctx.masksNumbers?.() ?? false,
          signal: abort.signal,
          onProgress: (done, total) => ctx.emit('export.progress', { id, done, total }),
        });
      } finally {
        running.delete(id);
      }
    },
    'exports.cancel': ({ id }) => {
      running.get(id)?.abort();
      return {};
    },
  };
}
