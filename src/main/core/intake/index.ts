/*
 * Lead intake from Marketing's spreadsheets (issue 6). The API methods wire to these:
 *   leads.importPreview → previewImport(file)
 *   leads.import        → importLeads(db, file, mapping, { now, timeZone, onProgress, signal })
 *   report download     → importReportCsv(report, language) (src/shared/importReportCsv.ts)
 */
export { importLeads, DEFAULT_BATCH_SIZE, type ImportOptions } from './importLeads';
export { previewImport, PREVIEW_ROWS } from './previewImport';
