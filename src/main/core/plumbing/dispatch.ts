import type { z } from 'zod';
import { api, isMethod, type Handlers, type InvokeResult, type Method } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { Log } from '../infra/log';

/** Calls slower than this are logged (with the method's name, never its input). */
export const SLOW_CALL_MS = 40;

export type Dispatch = (method: unknown, input: unknown) => Promise<InvokeResult>;

/** What a connection may do and see (sessions.ts); without one, every call is let through. */
export interface DispatchGuard {
  /** Refuses a call before its input is read or its handler runs; null lets it through. */
  check(method: Method, input: unknown): AppError | null;
  /** Runs the handler, e.g. inside the session's context. */
  run<T>(fn: () => T): T;
  /** What the caller may see of a result (e.g. masked numbers). */
  present(method: Method, value: unknown): unknown;
}

/**
 * The one way into the core from outside: rejects unknown methods, validates the input with
 * the contract's schema, runs the handler, and turns every failure into `{ code, message }`.
 */
export function createDispatch(
  handlers: Handlers,
  log: Log,
  guard?: DispatchGuard,
  /**
   * Told of every failure of a handler. It may name what the failure means (a full disk, a
   * damaged file) with an error of its own; any other failure that is not an AppError is a bug
   * and answers `internal`.
   */
  onFailure?: (err: unknown) => AppError | void,
): Dispatch {
  return async (method, input) => {
    if (!isMethod(method)) {
      const name = typeof method === 'string' ? method.slice(0, 80) : typeof method;
      return fail(new AppError('unknown_method', `Unknown method: ${name}`));
    }
    const refused = guard?.check(method, input);
    if (refused) return fail(refused);
    const parsed = api[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), key: issueKey(i) }));
      const summary = fields.map((f) => `${f.path || '(input)'}: ${f.key}`).join('; ');
      return fail(
        new AppError('invalid_input', `Invalid input for ${method}: ${summary}`, { fields }),
      );
    }
    const started = performance.now();
    try {
      const handler = handlers[method] as (i: unknown) => unknown;
      const value = await (guard ? guard.run(() => handler(parsed.data)) : handler(parsed.data));
      return { ok: true, value: guard ? guard.present(method, value) : value };
    } catch (err) {
      const meant = onFailure?.(err);
      if (meant) return fail(meant);
      if (err instanceof AppError) return fail(err);
      // Context only: inputs may hold personal data or secrets.
      log.error('handler failed', {
        method,
        error: err instanceof Error ? err.message : String(err),
      });
      return fail(
        new AppError('internal', 'Something went wrong inside LeadPhone; it has been logged.'),
      );
    } finally {
      const ms = performance.now() - started;
      if (ms > SLOW_CALL_MS) log.warn('slow call', { method, ms: Math.round(ms) });
    }
  };
}

/** The i18n key of one validation problem: the schema's own, else a generic one. */
function issueKey(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom' || /^[a-z_]+$/.test(issue.message)) return issue.message;
  // Every free-text field has a largest length; saying so beats "invalid" for a pasted essay.
  if (issue.code === 'too_big' && issue.origin === 'string') return 'too_long';
  return 'invalid_value';
}

function fail(err: AppError): InvokeResult {
  return { ok: false, error: err.toData() };
}
