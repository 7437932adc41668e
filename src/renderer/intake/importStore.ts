import { createStore } from 'zustand/vanilla';
import type { ApiError } from '../../shared/errors';
import type {
  CsvDelimiter,
  ImportField,
  ImportMappingInput,
  ImportPreview,
  ImportReport,
} from '../../shared/importTypes';
import type { InterruptedImport } from '../../shared/intakeApi';
import type { Client } from '../api/client';
import { uploadFile, type NamedBlob } from '../api/uploadFile';
import { toApiError } from '../ui/apiError';

export type ImportStep = 'choose' | 'uploading' | 'preview' | 'importing' | 'report';

export interface ImportState {
  step: ImportStep;
  fileName: string;
  uploadId: string | null;
  /**
   * Bytes while uploading, rows while importing (total estimated); `fraction` 0–1 of the work,
   * below 1 until the import's report.
   */
  progress: { done: number; total: number; fraction: number };
  preview: ImportPreview | null;
  mapping: ImportMappingInput | null;
  sheet: string | undefined;
  delimiter: CsvDelimiter | undefined;
  report: ImportReport | null;
  error: ApiError | null;
  choose(file: NamedBlob): Promise<void>;
  setColumn(field: ImportField, column: number | null): void;
  setHasHeader(hasHeader: boolean): void;
  setDefaultSource(source: string): void;
  /** Re-reads the preview for another sheet or delimiter. */
  reread(options: { sheet?: string; delimiter?: CsvDelimiter }): Promise<void>;
  run(): Promise<void>;
  /** Goes on with an import a crash stopped (the same file and columns, from the start). */
  resume(run: InterruptedImport): Promise<void>;
  cancel(): Promise<void>;
  reset(): Promise<void>;
}

const initial = {
  step: 'choose' as ImportStep,
  fileName: '',
  uploadId: null,
  progress: { done: 0, total: 0, fraction: 0 },
  preview: null,
  mapping: null,
  sheet: undefined,
  delimiter: undefined,
  report: null,
  error: null,
};

/**
 * One import at a time, step by step: upload, preview with an editable mapping (nothing is
 * written), import with progress and cancel, then the report. Main does the work; this only
 * keeps where the agent is.
 */
export function createImportStore(client: Client) {
  let uploadAbort: AbortController | null = null;
  return createStore<ImportState>()((set, get) => {
    client.on('import.progress', (p) => {
      if (p.uploadId === get().uploadId && get().step === 'importing') {
        // Events of one import arrive in order; never let the bar step back.
        const fraction = Math.max(get().progress.fraction, Math.min(p.fraction, 0.999));
        set({ progress: { done: p.done, total: p.total, fraction } });
      }
    });

    async function loadPreview(uploadId: string, sheet?: string, delimiter?: CsvDelimiter) {
      const preview = await client.call('imports.preview', {
        uploadId,
        ...(sheet ? { sheet } : {}),
        ...(delimiter ? { delimiter } : {}),
      });
      set({
        step: 'preview',
        preview,
        mapping: preview.mapping,
        sheet: preview.sheet,
        delimiter: preview.delimiter,
        error: null,
      });
    }

    const editMapping = (change: (m: ImportMappingInput) => ImportMappingInput) => {
      const mapping = get().mapping;
      if (mapping) set({ mapping: change(mapping), error: null });
    };

    return {
      ...initial,
      async choose(file) {
        await get().reset();
        uploadAbort = new AbortController();
        set({
          step: 'uploading',
          fileName: file.name,
          progress: { done: 0, total: file.size, fraction: 0 },
        });
        let uploadId: string | null = null;
        try {
          uploadId = await uploadFile(
            client,
            file,
            (done, total) =>
              set({ progress: { done, total, fraction: total > 0 ? done / total : 0 } }),
            uploadAbort.signal,
          );
          set({ uploadId });
          await loadPreview(uploadId);
        } catch (err) {
          set({
            step: 'choose',
            uploadId: null,
            error: uploadAbort.signal.aborted ? null : toApiError(err),
          });
          // A file the preview refused is not kept for an import that will not come.
          if (uploadId) await client.call('imports.cancel', { uploadId }).catch(() => undefined);
        } finally {
          uploadAbort = null;
        }
      },
      setColumn(field, column) {
        editMapping((m) => {
          // A column feeds one field: choosing it here takes it from wherever it was.
          const columns = { ...m.columns };
          for (const key of Object.keys(columns) as ImportField[]) {
            if (column !== null && columns[key] === column) columns[key] = null;
          }
          columns[field] = column;
          return { ...m, columns };
        });
      },
      setHasHeader(hasHeader) {
        editMapping((m) => ({ ...m, hasHeader }));
      },
      setDefaultSource(defaultSource) {
        editMapping((m) => ({ ...m, defaultSource }));
      },
      async reread({ sheet, delimiter }) {
        const { uploadId } = get();
        if (!uploadId) return;
        try {
          await loadPreview(uploadId, sheet ?? get().sheet, delimiter ?? get().delimiter);
        } catch (err) {
          set({ error: toApiError(err) });
        }
      },
      async run() {
        const { uploadId, mapping, sheet, delimiter } = get();
        if (!uploadId || !mapping) return;
        set({ step: 'importing', progress: { done: 0, total: 0, fraction: 0 }, error: null });
        try {
          const report = await client.call('imports.run', {
            uploadId,
            mapping,
            ...(sheet ? { sheet } : {}),
            ...(delimiter ? { delimiter } : {}),
          });
          // The upload is gone in main once an import ran, whatever its end.
          set({ step: 'report', report, uploadId: null });
        } catch (err) {
          const error = toApiError(err);
          // A mapping main refuses goes back to the preview; anything else ends the upload.
          set(
            error.code === 'invalid_input' &&
              error.fields?.some((f) => f.path.startsWith('mapping'))
              ? { step: 'preview', error }
              : { step: 'choose', error, uploadId: null },
          );
        }
      },
      async resume(run) {
        set({
          ...initial,
          step: 'importing',
          fileName: run.fileName,
          uploadId: run.runId,
        });
        try {
          const report = await client.call('imports.resume', { runId: run.runId });
          set({ step: 'report', report, uploadId: null });
        } catch (err) {
          set({ step: 'choose', error: toApiError(err), uploadId: null });
        }
      },
      async cancel() {
        const { uploadId, step } = get();
        if (step === 'uploading') uploadAbort?.abort();
        if (uploadId) await client.call('imports.cancel', { uploadId }).catch(() => undefined);
        // An import in progress ends with its report (cancelled: true), which `run` shows.
        if (step !== 'importing') set({ ...initial });
      },
      async reset() {
        const { uploadId, step } = get();
        if (uploadId && step !== 'importing') {
          await client.call('imports.cancel', { uploadId }).catch(() => undefined);
        }
        set({ ...initial });
      },
    };
  });
}

export type ImportStore = ReturnType<typeof createImportStore>;
