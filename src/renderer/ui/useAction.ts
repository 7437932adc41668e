import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type Dispatch,
  type SetStateAction,
} from 'react';
import type { ApiError } from '../../shared/errors';
import { toApiError } from './apiError';

/** What a screen's actions are doing: the one running, and the last one's refusal. */
export interface Action<K extends string> {
  /** The action running now (the last one started, while any runs). */
  busy: K | null;
  /** The last refusal, and which action it came from. */
  failure: { action: K; error: ApiError } | null;
  /** The last refusal, whichever action it came from. */
  error: ApiError | null;
  /** The last refusal if it came from `action`. */
  errorOf(action: K): ApiError | null;
  /**
   * Runs `work` as `action`: the last refusal is cleared first, `busy` says so meanwhile, and a
   * throw becomes the refusal (it is never rethrown). Resolves with whether it went through.
   */
  run(action: K, work: () => Promise<unknown>): Promise<boolean>;
  /** Keeps a refusal that came another way (a load, a check before sending). */
  fail(action: K, err: unknown): void;
  clear(): void;
}

/**
 * The load/busy/error state every form and admin screen needs, in one place: a screen names
 * its actions (`useAction<'save' | 'delete'>()`) and runs them through `run`.
 */
export function useAction<K extends string = string>(): Action<K> {
  const [busy, setBusy] = useState<K | null>(null);
  const [failure, setFailure] = useState<Action<K>['failure']>(null);
  const running = useRef(0);

  const run = useCallback(async (action: K, work: () => Promise<unknown>) => {
    running.current += 1;
    setBusy(action);
    setFailure(null);
    try {
      await work();
      return true;
    } catch (err) {
      setFailure({ action, error: toApiError(err) });
      return false;
    } finally {
      running.current -= 1;
      if (running.current === 0) setBusy(null);
    }
  }, []);
  const fail = useCallback(
    (action: K, err: unknown) => setFailure({ action, error: toApiError(err) }),
    [],
  );
  const clear = useCallback(() => setFailure(null), []);

  return useMemo(
    () => ({
      busy,
      failure,
      error: failure?.error ?? null,
      errorOf: (action: K) => (failure?.action === action ? failure.error : null),
      run,
      fail,
      clear,
    }),
    [busy, failure, run, fail, clear],
  );
}

/** What `useLoad` keeps: the last answer, and how to read again or amend it. */
export interface Loaded<T> {
  value: T;
  /** Reads again; rejects on failure, for the caller to decide what to show. */
  reload(): Promise<void>;
  /** Amends the answer with what the screen itself just changed. */
  setValue: Dispatch<SetStateAction<T>>;
}

/**
 * Reads `load()` on mount and whenever `load` changes (a new client, another id) and keeps the
 * answer; an answer older than the latest read never overwrites it. A failure of those reads
 * goes to `onError`.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  initial: T,
  onError?: (err: unknown) => void,
): Loaded<T> {
  const [value, setValue] = useState(initial);
  const latest = useRef(0);
  const onErrorRef = useRef(onError);
  useEffect(() => {
    onErrorRef.current = onError;
  });

  const read = useCallback(() => {
    const mine = ++latest.current;
    return load().then((v) => {
      if (mine === latest.current) setValue(v);
    });
  }, [load]);
  useEffect(() => {
    read().catch((err: unknown) => onErrorRef.current?.(err));
    // A read still on its way when the screen goes is not applied.
    return () => {
      latest.current += 1;
    };
  }, [read]);

  return { value, reload: read, setValue };
}
