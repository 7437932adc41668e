import { z } from 'zod';
import { Instant } from '../domain';

/*
 * The state of the disk the data lives on. A full disk does not stop LeadPhone: it goes on
 * read-only (reads work, writes answer `disk_full`) and carries on by itself when space returns.
 */

export const StorageStatus = z.object({
  /** The last write found no room: until space returns, nothing new can be saved. */
  diskFull: z.boolean(),
  /** When the disk was found full (null while it is not). */
  since: Instant.nullable(),
});
export type StorageStatus = z.infer<typeof StorageStatus>;

export const storageMethods = {
  /** Asked by a window when it connects; `storage.changed` tells of every change after. */
  'storage.status': { input: z.object({}).strict(), output: StorageStatus },
} as const;

export const storageEvents = {
  /** The disk was found full, or space came back. */
  'storage.changed': StorageStatus,
  /**
   * A read met a damaged page while LeadPhone was running: the core now works as after a failed
   * start-up check (only backups answer), and a window shows the restore screen.
   */
  'database.damaged': z.object({}),
} as const;
