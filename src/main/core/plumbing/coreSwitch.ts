import type { EventName, EventPayload, InvokeResult } from '../../../shared/api';
import type { Core, CoreEventListener } from './core';
import type { Log } from '../infra/log';
import type { CoreSession } from './sessions';

type Listener = Parameters<CoreSession['onEvent']>[0];

interface LiveSession {
  inner: CoreSession;
  /** The transport's listeners, each with how to unsubscribe it from the inner session. */
  listeners: Map<Listener, () => void>;
}

export interface CoreSwitch {
  /** What the transports hold: the same object whatever core runs behind it. */
  readonly core: Core;
  /**
   * Puts `next` behind every connection (each gets a fresh session of it), closes the core it
   * replaces, then tells every connection `event` (a window switches screens without a reload).
   */
  replace<E extends EventName>(next: Core, event?: [E, EventPayload<E>]): void;
}

/**
 * A core whose inside can change while it runs: a damaged file found at run time gives way to
 * the degraded core, a start held back by a full disk gives way to the real one. The transports
 * (IPC, the host) hold one core and one session per connection for their whole life, so the
 * switch happens here, under them.
 */
export function createCoreSwitch(first: Core, log: Log): CoreSwitch {
  let current = first;
  const listeners = new Set<CoreEventListener>();
  const fanOut: CoreEventListener = (event, payload) => {
    for (const l of listeners) l(event, payload);
  };
  let offCurrent = current.onEvent(fanOut);
  const sessions = new Set<LiveSession>();

  /**
   * A call answered `disk_full` by a core that gave way meanwhile (the waiting core, which
   * found room during that very call and started the real one) wrote nothing: the core that
   * now runs answers it instead.
   */
  async function answer(
    target: () => Pick<Core, 'dispatch'>,
    method: unknown,
    input: unknown,
  ): Promise<InvokeResult> {
    const asked = target();
    const result = await asked.dispatch(method, input);
    if (result.ok || result.error.code !== 'disk_full' || target() === asked) return result;
    return target().dispatch(method, input);
  }

  const core: Core = {
    get handlers() {
      return current.handlers;
    },
    dispatch: (method, input) => answer(() => current, method, input),
    checkpoint: () => current.checkpoint(),
    openSession() {
      const live: LiveSession = { inner: current.openSession(), listeners: new Map() };
      sessions.add(live);
      return {
        get id() {
          return live.inner.id;
        },
        dispatch: (method, input) => answer(() => live.inner, method, input),
        onEvent(listener) {
          live.listeners.set(listener, live.inner.onEvent(listener));
          return () => {
            live.listeners.get(listener)?.();
            live.listeners.delete(listener);
          };
        },
        close() {
          for (const off of live.listeners.values()) off();
          live.listeners.clear();
          live.inner.close();
          sessions.delete(live);
        },
      };
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      offCurrent();
      listeners.clear();
      current.close();
    },
    get db() {
      return current.db;
    },
  };

  return {
    core,
    replace(next, event) {
      const old = current;
      current = next;
      offCurrent();
      offCurrent = next.onEvent(fanOut);
      for (const live of sessions) {
        const subscribed = [...live.listeners.keys()];
        for (const off of live.listeners.values()) off();
        live.listeners.clear();
        live.inner.close();
        live.inner = next.openSession();
        for (const l of subscribed) live.listeners.set(l, live.inner.onEvent(l));
      }
      try {
        old.close();
      } catch (err) {
        log.error('the replaced core did not close cleanly', { error: String(err) });
      }
      if (!event) return;
      const [name, payload] = event;
      for (const l of [...listeners, ...[...sessions].flatMap((s) => [...s.listeners.keys()])]) {
        try {
          l(name, payload);
        } catch (err) {
          log.warn('event listener failed', { event: name, error: String(err) });
        }
      }
    },
  };
}
