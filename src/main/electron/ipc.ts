import type { InvokeResult } from '../../shared/api';
import type { CoreSession } from '../core';

export const INVOKE_CHANNEL = 'leadphone:invoke';
export const EVENT_CHANNEL = 'leadphone:event';
export const APP_ORIGIN = 'app://leadphone';

/** The part of Electron's IpcMainInvokeEvent this handler reads. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
  sender?: { id: number };
}

/** The parts of Electron's WebContents a session needs. */
export interface SenderLike {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  once(event: 'destroyed', listener: () => void): unknown;
}

/**
 * One core session per window (IPC sender): its role, PIN unlock and masked view are its own,
 * and its events reach that window only. Ended when the window's contents are destroyed.
 */
export function createIpcSessions(open: () => CoreSession) {
  const bySender = new Map<number, CoreSession>();
  return {
    attach(sender: SenderLike): CoreSession {
      const existing = bySender.get(sender.id);
      if (existing) return existing;
      const session = open();
      bySender.set(sender.id, session);
      session.onEvent((event, payload) => sender.send(EVENT_CHANNEL, event, payload));
      sender.once('destroyed', () => {
        session.close();
        bySender.delete(sender.id);
      });
      return session;
    },
    of(senderId: number | undefined): CoreSession | undefined {
      return senderId === undefined ? undefined : bySender.get(senderId);
    },
  };
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
export function createInvokeHandler(
  sessionOf: (event: InvokeEventLike) => CoreSession | undefined,
) {
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
    const session = sessionOf(event);
    if (!session) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'Calls are only accepted from LeadPhone’s window.' },
      };
    }
    return session.dispatch(method, input);
  };
}
