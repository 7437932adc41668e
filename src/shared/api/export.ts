import { z } from 'zod';
import {
  ExportFileName,
  ExportFilter,
  ExportFormat,
  ExportKind,
  ExportReport,
} from '../exportTypes';
import type { Area } from './contract';

/*
 * Exports to CSV/XLSX. The renderer never names a folder: files go to the exports folder beside
 * the database (a renderer that could name any path could overwrite any file the user can). The
 * caller picks the export's id, so it can cancel it and match progress events while
 * `exports.start` is still running.
 */
export const exportArea = {
  methods: {
    /** An agent exports their own leads (numbers masked for them when masking is on). */
    'exports.start': {
      input: z
        .object({
          id: z.string().uuid(),
          kind: ExportKind,
          format: ExportFormat,
          filter: ExportFilter.default({
            from: null,
            to: null,
            stage: null,
            customerStatus: null,
            source: null,
            outcome: null,
            orderState: null,
            agentId: null,
          }),
          /** Without one: `<kind>-<yyyyMMdd-HHmm>.<format>`, local time. */
          fileName: ExportFileName.optional(),
        })
        .strict(),
      output: ExportReport,
      role: 'agent',
      mask: 'text',
    },
    'exports.cancel': {
      input: z.object({ id: z.string().uuid() }).strict(),
      output: z.object({}),
      role: 'agent',
      mask: 'text',
    },
  },
  events: {
    /** Rows written so far of an export, out of `total` (counted before the first row). */
    'export.progress': {
      payload: z.object({ id: z.string(), done: z.number(), total: z.number() }),
      mask: 'text',
    },
  },
} as const satisfies Area;
