import { z } from 'zod';
import { Instant } from '../domain';
import type { Area } from './contract';
import { Empty } from './fields';

/*
 * The state of the disk the data lives on, and of the database file on it. A full disk does not stop LeadPhone: it goes on
 * read-only (reads work, writes answer `disk_full`) and carries on by itself when space returns.
 */

export const StorageStatus = z.object({
  /** The last write found no room: until space returns, nothing new can be saved. */
  diskFull: z.boolean(),
  /** When the disk was found full (null while it is not). */
  since: Instant.nullable(),
});
export type StorageStatus = z.infer<typeof StorageStatus>;

export const storageArea = {
  methods: {
    /**
     * Asked by a window when it connects; `storage.changed` tells of every change after. Every
     * window shows it, whoever sits there.
     */
    'storage.status': { input: Empty, output: StorageStatus, role: 'agent', mask: 'phones' },
  },
  events: {
    /** The disk was found full, or space came back. */
    'storage.changed': { payload: StorageStatus, mask: 'phones' },
    /**
     * A read met a damaged page while LeadPhone was running: the core now works as after a
     * failed start-up check (only backups answer), and a window shows the restore screen.
     */
    'database.damaged': { payload: z.object({}), mask: 'phones' },
  },
} as const satisfies Area;
