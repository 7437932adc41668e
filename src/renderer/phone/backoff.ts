export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/**
 * Reconnection waits: 0.5 s, 1 s, 2 s, 4 s … capped at 30 s, each randomised to between half and
 * all of that ("equal jitter"), so that fifty agents whose PBX restarts do not all reconnect in
 * the same millisecond, while the first retries stay quick enough to be back within seconds.
 */
export const RECONNECT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 };

/** How long to wait before attempt number `attempt` (1 = the first retry). */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  { baseMs, maxMs }: BackoffOptions = RECONNECT_BACKOFF,
): number {
  const step = Math.max(1, Math.floor(attempt));
  // 2 ** 30 overflows nothing and is far beyond any cap.
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(step - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
