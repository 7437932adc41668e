import type { Dispatch } from './core/dispatch';
import type { InvokeResult } from '../shared/api';

export const INVOKE_CHANNEL = 'leadphone:invoke';
export const EVENT_CHANNEL = 'leadphone:event';
export const APP_ORIGIN = 'app://leadphone';

/** The part of Electron's IpcMainInvokeEvent this handler reads. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

export function isAppOrigin(url: string | undefined): boolean {
  if (!url) return false;
  try {
    // Node's URL gives custom schemes an opaque origin ("null"), so compare scheme and host.
    const parsed = new URL(url);
    return parsed.protocol === 'app:' && parsed.host === 'leadphone';
  } catch {
    return false;
  }
}

/**
 * The one IPC handler: only the app's own frame may call, and the dispatcher rejects unknown
 * methods and validates the input before the core sees it.
 */
export function createInvokeHandler(dispatch: Dispatch) {
  return async (event: InvokeEventLike, method: unknown, input: unknown): Promise<InvokeResult> => {
    if (!isAppOrigin(event.senderFrame?.url)) {
      return {
        ok: false,
        error: {
          code: 'forbidden',
          message: 'Calls are only accepted from LeadPhone’s own window.',
        },
      };
    }
    return dispatch(method, input);
  };
}
