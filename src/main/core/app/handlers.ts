import type { AreaHandlers } from '../../../shared/api';
import type { appArea } from '../../../shared/api/app';
import { latestVersion } from '../db/open';

/** `app.info`: answered by every core, the degraded and the disk-full ones too. */
export function createAppHandlers(ctx: {
  version: string;
  dataDir: string;
}): AreaHandlers<typeof appArea> {
  return {
    'app.info': () => ({
      version: ctx.version,
      schemaVersion: latestVersion(),
      dataDir: ctx.dataDir,
    }),
  };
}
