import { m0010Init } from './0010-init';
import type { ServerMigration } from './types';

export type { ServerMigration } from './types';

/** Static and ordered, as the app's: no file-system scanning, so it works when bundled. */
export const serverMigrations: readonly ServerMigration[] = [m0010Init];
