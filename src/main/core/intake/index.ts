/*
 * Lead intake from Marketing's spreadsheets. The API methods wire to these (handlers.ts):
 *   imports.preview → previewImport(file)
 *   imports.run     → importLeads(db, file, mapping, { now, timeZone, onProgress, signal }), in
 *                     a worker thread (importInWorker.ts)
 *   report download → importReportCsv(report, language) (src/shared/importReportCsv.ts)
 */
export { importLeads, DEFAULT_BATCH_SIZE, type ImportOptions } from './importLeads';
export { previewImport, PREVIEW_ROWS } from './previewImport';
