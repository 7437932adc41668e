import { z } from 'zod';
import { Instant } from '../domain';
import type { Area } from './contract';
import { Empty } from './fields';

/*
 * Database backups, and the diagnostics file a user sends to support. The renderer names a backup only by its file name, which must match the
 * names main gives (no folders, no dots but the extension): main alone decides where they live.
 */

/**
 * `leadphone-20261123-020000.db` (UTC; `-manual` before `.db` for one an admin took), and
 * `before-restore-….db` for the database a restore replaced.
 */
export const BACKUP_NAME = /^(leadphone|before-restore)-\d{8}-\d{6}(-\d{1,3})?(-manual)?\.db$/;

export const BackupName = z.string().max(80).regex(BACKUP_NAME, { message: 'backup_name_invalid' });

export const BackupInfo = z.object({
  name: z.string(),
  /** When it was taken (from its name, so a copied folder keeps its dates). */
  createdAt: Instant,
  size: z.number().int().nonnegative(),
  /** `daily` (7 daily + 4 weekly kept) and `manual` (5 kept) rotate apart; `before_restore` is the DB a restore replaced. */
  kind: z.enum(['daily', 'manual', 'before_restore']),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupList = z.object({
  items: z.array(BackupInfo),
  /** A restore chosen but not yet applied: it happens when LeadPhone next starts. */
  restorePending: z.string().nullable(),
  /** The database failed its integrity check at start; only backups and app.info work. */
  degraded: z.boolean(),
});
export type BackupList = z.infer<typeof BackupList>;

/**
 * Always into `diagnostics/` in the data folder, under a name main picks: the renderer never
 * names a path on this machine.
 */
export const DiagnosticsSaveInput = Empty;

export const backupsArea = {
  methods: {
    // Any desk may take and list copies of its own database; only an admin may roll it back.
    'backups.list': { input: Empty, output: BackupList, role: 'agent', mask: 'phones' },
    'backups.create': { input: Empty, output: BackupInfo, role: 'admin', mask: 'phones' },
    /** Checks the backup, then swaps it in at the next start (the app restarts). */
    'backups.restore': {
      input: z.object({ name: BackupName }).strict(),
      output: z.object({ name: z.string(), restartRequired: z.literal(true) }),
      role: 'admin',
      mask: 'phones',
    },
    'diagnostics.save': {
      input: DiagnosticsSaveInput,
      output: z.object({ path: z.string(), bytes: z.number().int() }),
      role: 'agent',
      mask: 'phones',
    },
  },
  events: {
    /** A restore is ready: the Electron shell restarts the app; the browser host asks the user. */
    'backups.restoreScheduled': { payload: z.object({ name: z.string() }), mask: 'phones' },
  },
} as const satisfies Area;
