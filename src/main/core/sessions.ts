import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventName, EventPayload, Handlers, Method } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { requiredRole } from '../../shared/methodRoles';
import { maskNumbersForAgent, maskPhoneFields } from '../../shared/phoneMask';
import type { Access, SessionState } from './accessService';
import { createDispatch, type Dispatch } from './dispatch';
import type { Log } from './log';

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

/**
 * The dedicated call path: `calls.start` answers with the number the phone must dial, even to an
 * agent who sees it masked everywhere else (the record it opens shows who dialled what).
 */
const UNMASKED_RESULTS: ReadonlySet<string> = new Set(['calls.start', 'sipAccounts.credentials']);

/*
 * Areas whose results and events hold the install's own set-up, never a customer's words: their
 * text (a SIP server at 192.168.1.10, a data folder) is not searched for numbers. Everything
 * else, and every area added later, has numbers in any text masked for an agent.
 */
const NO_CUSTOMER_TEXT = [
  'app.',
  'settings.',
  'sipAccounts.',
  'statuses.',
  'catalogue.',
  'products.',
  'auth.',
  'agent.',
  'backups.',
  'storage.',
  'database.',
  'diagnostics.',
  'power.',
];

/** What a masked agent's connection receives of a result or an event named `name`. */
function maskFor(name: string, value: unknown): unknown {
  return NO_CUSTOMER_TEXT.some((area) => name.startsWith(area))
    ? maskPhoneFields(value)
    : maskNumbersForAgent(value);
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
        present: (method, value) =>
          !UNMASKED_RESULTS.has(method) && access.masksNumbers(state)
            ? maskFor(method, value)
            : value,
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
