import { AsyncLocalStorage } from 'node:async_hooks';
import {
  api,
  events,
  type EventName,
  type EventPayload,
  type Handlers,
  type Mask,
  type Method,
} from '../../../shared/api';
import { requiredRole } from '../../../shared/api/methodRoles';
import { AppError } from '../../../shared/errors';
import { maskNumbersForAgent, maskPhoneFields } from '../../../shared/phoneMask';
import type { Access, SessionState } from '../access/accessControl';
import { createDispatch, type Dispatch } from './dispatch';
import type { Log } from '../infra/log';

type Listener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * One connection to the core: an Electron window's IPC sender or one host WebSocket. Its calls
 * are checked against its role and its results and events masked for it.
 */
export interface CoreSession {
  readonly id: string;
  dispatch: Dispatch;
  /** The core's events as this connection may see them. */
  onEvent(listener: Listener): () => void;
  close(): void;
}

/** How a result or event named `name` is masked for an agent: the rule on its contract entry. */
function maskOf(name: string): Mask {
  if (Object.hasOwn(api, name)) return api[name as Method].mask;
  if (Object.hasOwn(events, name)) return events[name as EventName].mask;
  // A name the contract does not know: as if it held a customer's words.
  return 'text';
}

/** What a masked agent's connection receives of a result or an event named `name`. */
function maskFor(name: string, value: unknown): unknown {
  const mask = maskOf(name);
  if (mask === 'none') return value;
  return mask === 'phones' ? maskPhoneFields(value) : maskNumbersForAgent(value);
}

export interface Sessions {
  open(): CoreSession;
  /** The session of the call being handled (handlers that depend on who calls read it). */
  current(): SessionState;
}

export function createSessions(deps: {
  access: Access;
  log: Log;
  /** Subscribes to the core's raw events. */
  subscribe(listener: Listener): () => void;
  /** What a failed call means (dispatch.ts): a full disk, a damaged file, or a bug. */
  onFailure?: (err: unknown) => AppError | void;
  /** Runs before every call and may refuse it (e.g. a probe for room on a full disk). */
  beforeCall?: (method: Method) => AppError | null;
  /** Runs after every call that went through (e.g. the team sync looks for changes to push). */
  afterCall?: (method: Method) => void;
}): Sessions & { bind(handlers: Handlers): void } {
  const { access, log } = deps;
  const context = new AsyncLocalStorage<SessionState>();
  // Calls made straight on the handler table (tools, tests) have no connection of their own.
  const detached = access.newSession();
  let handlers: Handlers | undefined;

  function open(): CoreSession {
    if (!handlers) throw new Error('Sessions opened before the handler table was bound.');
    const state = access.newSession();
    const dispatch = createDispatch(
      handlers,
      log,
      {
        check(method, input) {
          const refused = deps.beforeCall?.(method);
          if (refused) return refused;
          const need = requiredRole(method, input);
          if (access.authorize(state, need)) return null;
          const have = access.roleOf(state);
          return new AppError(
            'forbidden',
            `${method} needs the ${need} role (this connection: ${have}).`,
            {
              data: { need, have },
            },
          );
        },
        run: (fn) => context.run(state, fn),
        present: (method, value) => {
          deps.afterCall?.(method);
          return access.masksNumbers(state) ? maskFor(method, value) : value;
        },
      },
      deps.onFailure,
    );
    const offs = new Set<() => void>();
    return {
      id: state.id,
      dispatch,
      onEvent(listener) {
        const off = deps.subscribe((event, payload) =>
          listener(
            event,
            access.masksNumbers(state) ? (maskFor(event, payload) as typeof payload) : payload,
          ),
        );
        offs.add(off);
        return () => {
          off();
          offs.delete(off);
        };
      },
      close() {
        for (const off of offs) off();
        offs.clear();
        state.unlockedUntil = null;
      },
    };
  }

  return {
    open,
    current: () => context.getStore() ?? detached,
    bind(table) {
      handlers = table;
    },
  };
}
