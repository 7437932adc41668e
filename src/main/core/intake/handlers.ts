import { existsSync, renameSync } from 'node:fs';
import { extname } from 'node:path';
import type { AreaHandlers } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { intakeArea, UploadRef } from '../../../shared/api/intake';
import { BUNDLE_EXTENSION } from '../../../shared/api/sync';
import type { ImportFile, ImportMappingInput, ImportReport } from '../../../shared/importTypes';
import type { Clock } from '../infra/clock';
import type { CoreEventListener } from '../plumbing/core';
import {
  importRun,
  insertImportRun,
  interruptedRuns,
  markRunsInterrupted,
  setImportRunState,
  type ImportRunRow,
} from './db/importRuns';
import type { Db } from '../db/open';
import { readSettings } from '../settings/db/settings';
import { previewImport } from './';
import { importInWorker } from './importInWorker';
import { isDiskFullError } from '../infra/diskSpace';
import { createRunFiles } from './runFiles';
import type { Uploads } from './uploads';

export function createIntakeHandlers(ctx: {
  db: Db;
  clock: Clock;
  uploads: Uploads;
  dataDir: string;
  emit: CoreEventListener;
  /** Re-arms the reminder scheduler etc. after leads were written in bulk. */
  afterImport(): void;
  /** Aborted when the core stops writing (a damaged file): imports stop after their batch. */
  stop?: AbortSignal;
}): AreaHandlers<typeof intakeArea> {
  const { db, clock, uploads, emit } = ctx;
  const running = new Map<string, AbortController>();
  const runFiles = createRunFiles(ctx.dataDir);
  // Whatever was running when the last process ended did not finish.
  try {
    markRunsInterrupted(db);
    runFiles.sweep(new Set(interruptedRuns(db).map((r) => r.id)));
  } catch (err) {
    // A start on a full disk: those runs stay 'running' (and their files kept) until a start
    // that can mark them.
    if (!isDiskFullError(err, ctx.dataDir)) throw err;
  }
  ctx.stop?.addEventListener('abort', () => {
    for (const run of running.values()) run.abort();
  });

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

  const alreadyRunning = () =>
    new AppError('invalid_input', 'This file is already being imported.', {
      fields: [{ path: 'uploadId', key: 'import_running' }],
    });

  /** One import of a kept file: its run record says how far it got, even after a crash. */
  async function runImport(run: ImportRunRow, file: ImportFile): Promise<ImportReport> {
    const abort = new AbortController();
    running.set(run.id, abort);
    try {
      const report = await importInWorker({
        dbPath: db.name,
        file,
        mapping: JSON.parse(run.mapping) as ImportMappingInput,
        now: clock.now(),
        timeZone: readSettings(db).timeZone,
        runId: run.id,
        signal: abort.signal,
        onProgress: (p) => emit('import.progress', { uploadId: run.id, ...p }),
      });
      setImportRunState(db, run.id, report.cancelled ? 'cancelled' : 'done', clock.now());
      runFiles.remove(run.id, run.file_ext);
      ctx.afterImport();
      // The ids are not tracked in bulk: an empty list means "reload what you show".
      emit('leads.changed', { ids: [] });
      return report;
    } catch (err) {
      // A failure of the file itself (unreadable, a bad mapping) will not go better next time.
      if (err instanceof AppError && err.code === 'invalid_input') {
        setImportRunState(db, run.id, 'cancelled', clock.now());
        runFiles.remove(run.id, run.file_ext);
      } else {
        setImportRunState(db, run.id, 'interrupted', clock.now());
      }
      throw err;
    } finally {
      running.delete(run.id);
    }
  }

  const openRun = (runId: string): ImportRunRow => {
    const run = importRun(db, runId);
    if (!run || run.state !== 'interrupted') {
      throw new AppError('not_found', 'There is no interrupted import with this id.', {
        fields: [{ path: 'runId', key: 'import_run_unknown' }],
      });
    }
    return run;
  };

  return {
    'imports.begin': ({ fileName, size }) => ({ uploadId: uploads.begin(fileName, size) }),
    'imports.chunk': ({ uploadId, offset, data }) => ({
      received: uploads.write(uploadId, offset, Buffer.from(data, 'base64')),
    }),
    'imports.preview': async (ref) => {
      const file = fileOf(ref);
      try {
        return await previewImport(file);
      } catch (err) {
        // A file refused for what it holds (empty, not text, unreadable) will not be imported
        // whatever the renderer does next: its copy goes now, not six hours later.
        if (err instanceof AppError && err.extra.fields?.some((f) => f.path === 'path')) {
          uploads.remove(ref.uploadId);
        }
        throw err;
      }
    },
    'imports.run': async ({ mapping, ...ref }) => {
      if (running.has(ref.uploadId)) throw alreadyRunning();
      const file = fileOf(ref);
      const ext = extname(file.path).toLowerCase();
      const row = {
        id: ref.uploadId,
        file_name: uploads.nameOf(ref.uploadId),
        file_ext: ext,
        mapping: JSON.stringify(mapping),
        sheet: ref.sheet ?? null,
        delimiter: ref.delimiter ?? null,
      };
      // The file leaves the uploads for the runs' folder, where a crash does not clear it.
      const path = runFiles.adopt(file.path, ref.uploadId, ext);
      try {
        insertImportRun(db, row, clock.now());
      } catch (err) {
        // No run recorded (a full disk): the file goes back, and the import can be tried again
        // without choosing the file again.
        renameSync(path, file.path);
        throw err;
      }
      uploads.remove(ref.uploadId);
      return runImport(importRun(db, ref.uploadId)!, { ...file, path });
    },
    'imports.cancel': ({ uploadId }) => {
      const run = running.get(uploadId);
      if (run) run.abort();
      else uploads.remove(uploadId);
      return {};
    },
    'imports.interrupted': () => ({
      items: interruptedRuns(db).map((r) => ({
        runId: r.id,
        fileName: r.file_name,
        rowsDone: r.rows_done,
        totalEstimate: r.total_estimate,
        startedAt: r.started_at,
        canResume: existsSync(runFiles.pathOf(r.id, r.file_ext)),
      })),
    }),
    'imports.resume': async ({ runId }) => {
      if (running.has(runId)) throw alreadyRunning();
      const run = openRun(runId);
      const path = runFiles.pathOf(run.id, run.file_ext);
      if (!existsSync(path)) {
        throw new AppError('not_found', 'The file of this import is no longer kept.', {
          fields: [{ path: 'runId', key: 'import_run_file_gone' }],
        });
      }
      insertImportRun(db, run, clock.now());
      return runImport(run, {
        path,
        ...(run.sheet === null ? {} : { sheet: run.sheet }),
        ...(run.delimiter === null ? {} : { delimiter: run.delimiter as ImportFile['delimiter'] }),
      } as ImportFile);
    },
    'imports.dismiss': ({ runId }) => {
      const run = openRun(runId);
      setImportRunState(db, run.id, 'dismissed', clock.now());
      runFiles.remove(run.id, run.file_ext);
      return {};
    },
  };
}
