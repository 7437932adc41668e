import { z } from 'zod';
import type { Area } from './contract';
import { Empty } from './fields';

export const AppInfo = z.object({
  version: z.string(),
  schemaVersion: z.number(),
  dataDir: z.string(),
});

/** The app itself: its version and data folder, and what happens to the computer it runs on. */
export const appArea = {
  methods: {
    'app.info': { input: Empty, output: AppInfo, role: 'agent', mask: 'phones' },
  },
  events: {
    /**
     * Not sent by main: the browser host's transport says so itself when a lost connection is
     * back, so the window reloads what it may have missed (banners, the queue).
     */
    'connection.restored': { payload: z.object({}), mask: 'text' },
    /** The computer woke from sleep: the phone re-registers. */
    'power.resume': { payload: z.object({}), mask: 'phones' },
  },
} as const satisfies Area;
