import type {
  EventName,
  EventPayload,
  Method,
  MethodInput,
  MethodOutput,
  Transport,
} from '../../shared/api';
import type { ApiError } from '../../shared/errors';

/** A failed call, carrying the error as main sent it (code, message, fields). */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

export interface Client {
  call<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

function hasIdempotencyKey(input: unknown): boolean {
  return typeof (input as { idempotencyKey?: unknown } | null)?.idempotencyKey === 'string';
}

/** The typed client over whichever transport exists; a wrong method or input is a type error. */
export function createClient(transport: Transport): Client {
  return {
    async call(method, input) {
      let result = await transport.invoke(method, input);
      // A keyed write whose reply was lost may have committed: main answers a repeat of it with
      // the first result, so sending it once more (on the new connection) finishes the action.
      if (!result.ok && result.error.code === 'transport_closed' && hasIdempotencyKey(input)) {
        result = await transport.invoke(method, input);
      }
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value as MethodOutput<typeof method>;
    },
    on(event, listener) {
      return transport.on((name, payload) => {
        if (name === event) listener(payload as EventPayload<typeof event>);
      });
    },
  };
}
