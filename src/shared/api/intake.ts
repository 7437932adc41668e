import { z } from 'zod';
import { CsvDelimiter, ImportMapping, ImportPreview, ImportReport } from '../importTypes';
import type { Area } from './contract';
import { Empty } from './fields';

/*
 * Lead intake over the contract. The renderer never names a path: it uploads the file's bytes
 * in chunks (an <input type=file> in the browser host, a picked file in the app — the same code
 * either way), main keeps them in a temp file under the data folder, and preview and import
 * refer to that upload by id.
 */

/** Chunks are base64: 512 KiB of file stays well under the host's 8 MiB message limit. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;
export const UPLOAD_MAX_BYTES = 200 * 1024 * 1024;

const UploadId = z.string().uuid();

/**
 * A lead list, or a sync bundle (`.lpbundle`, for `sync.importBundles` / `sync.importAssignment`;
 * `imports.preview` and `imports.run` refuse it).
 */
const FileName = z
  .string()
  .min(1)
  .max(255)
  .refine((n) => /\.(csv|tsv|txt|xlsx|lpbundle)$/i.test(n), { message: 'import_file_type' });

const UploadRef = z
  .object({
    uploadId: UploadId,
    sheet: z.string().min(1).max(200).optional(),
    delimiter: CsvDelimiter.optional(),
  })
  .strict();
export type UploadRef = z.infer<typeof UploadRef>;

/** An import that did not end: how far it got when the app stopped. */
export const InterruptedImport = z.object({
  runId: UploadId,
  fileName: z.string(),
  rowsDone: z.number().int(),
  totalEstimate: z.number().int(),
  startedAt: z.number().int(),
  /** The file is still kept, so the import can go on. */
  canResume: z.boolean(),
});
export type InterruptedImport = z.infer<typeof InterruptedImport>;

/** Lead lists taken in: upload, preview, import with progress, cancel and resume. */
export const intakeArea = {
  methods: {
    'imports.begin': {
      input: z
        .object({
          fileName: FileName,
          size: z.number().int().min(1, { message: 'import_file_empty' }).max(UPLOAD_MAX_BYTES),
        })
        .strict(),
      output: z.object({ uploadId: UploadId }),
      role: 'agent',
      mask: 'text',
    },
    'imports.chunk': {
      input: z
        .object({
          uploadId: UploadId,
          offset: z.number().int().min(0).max(UPLOAD_MAX_BYTES),
          // base64 of at most UPLOAD_CHUNK_BYTES bytes
          data: z
            .string()
            .max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4)
            .regex(/^[A-Za-z0-9+/]*={0,2}$/),
        })
        .strict(),
      output: z.object({ received: z.number().int() }),
      role: 'agent',
      mask: 'text',
    },
    'imports.preview': { input: UploadRef, output: ImportPreview, role: 'agent', mask: 'text' },
    'imports.run': {
      input: UploadRef.extend({ mapping: ImportMapping }).strict(),
      output: ImportReport,
      role: 'agent',
      mask: 'text',
    },
    'imports.cancel': {
      input: z.object({ uploadId: UploadId }).strict(),
      output: z.object({}),
      role: 'agent',
      mask: 'text',
    },
    // Imports a crash or a power cut stopped, found at start (each can be resumed or dismissed).
    'imports.interrupted': {
      input: Empty,
      output: z.object({ items: z.array(InterruptedImport) }),
      role: 'agent',
      mask: 'text',
    },
    // Runs the same file with the same columns again: rows already in merge as unchanged.
    'imports.resume': {
      input: z.object({ runId: UploadId }).strict(),
      output: ImportReport,
      role: 'agent',
      mask: 'text',
    },
    'imports.dismiss': {
      input: z.object({ runId: UploadId }).strict(),
      output: z.object({}),
      role: 'agent',
      mask: 'text',
    },
  },
  events: {
    /**
     * Rows written so far of an import. `fraction`: the share of the file read (0–1), below 1
     * until the report; `total` an estimate until done = total.
     */
    'import.progress': {
      payload: z.object({
        uploadId: z.string(),
        done: z.number(),
        total: z.number(),
        fraction: z.number(),
      }),
      mask: 'text',
    },
  },
} as const satisfies Area;
