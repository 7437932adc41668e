import { randomUUID } from 'node:crypto';
import { api, type Handlers, type Method } from '../../../shared/api';
import type { AppError } from '../../../shared/errors';
import type { Log } from '../infra/log';
import type { Core, CoreEventListener } from './core';
import { createDispatch, type Dispatch } from './dispatch';

/**
 * A core standing in while the database cannot be used (damaged: degradedCore.ts; no room to
 * open it: diskFullCore.ts): it answers a few methods and refuses every other one, and its
 * `db`, with `refusal`. No roles and no masking here: every connection is the same one.
 */
export function createStandInCore(o: {
  log: Log;
  refusal(): AppError;
  /** The methods that still answer; `emit` reaches every connection. */
  answers(emit: CoreEventListener): Partial<Handlers>;
  /** Runs before every call (a probe for room). */
  beforeCall?(): void;
  close(): void;
}): Core {
  const listeners = new Set<CoreEventListener>();
  const emit: CoreEventListener = (event, payload) => {
    for (const l of listeners) l(event, payload);
  };
  const refuse = () => {
    throw o.refusal();
  };
  const handlers = Object.fromEntries(
    (Object.keys(api) as Method[]).map((m) => [m, refuse]),
  ) as unknown as Handlers;
  Object.assign(handlers, o.answers(emit));
  const inner = createDispatch(handlers, o.log);
  const dispatch: Dispatch = (method, input) => {
    o.beforeCall?.();
    return inner(method, input);
  };
  const onEvent = (listener: CoreEventListener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    handlers,
    dispatch,
    openSession: () => ({ id: randomUUID(), dispatch, onEvent, close() {} }),
    onEvent,
    close() {
      o.close();
      listeners.clear();
    },
    get db(): never {
      throw o.refusal();
    },
    // No database open: no WAL to look after.
    checkpoint: () => Promise.resolve(),
  };
}
