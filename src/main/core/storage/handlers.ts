import type { AreaHandlers } from '../../../shared/api';
import type { StorageStatus, storageArea } from '../../../shared/api/storage';

export function createStorageHandlers(ctx: {
  /** The disk watch's latest finding. */
  status(): StorageStatus;
}): AreaHandlers<typeof storageArea> {
  return {
    'storage.status': () => ctx.status(),
  };
}
