export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** How much each step's ceiling grows over the one before. */
  factor: number;
}

/**
 * Reconnection waits: 0.5 s, 0.75 s, 1.1 s, 1.7 s … (×1.5 each time) capped at 30 s, each
 * randomised to between half and all of that ("equal jitter"), so that fifty agents whose PBX
 * restarts do not all reconnect in the same millisecond. Growing by half rather than doubling
 * keeps the gaps short through the first ten seconds or so of an outage — a PBX restart — and
 * still reaches the cap after about ten attempts.
 */
export const RECONNECT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000, factor: 1.5 };

/** How long to wait before attempt number `attempt` (1 = the first retry). */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  { baseMs, maxMs, factor }: BackoffOptions = RECONNECT_BACKOFF,
): number {
  const step = Math.max(1, Math.floor(attempt));
  // factor ** 60 overflows nothing and is far beyond any cap.
  const ceiling = Math.min(maxMs, baseMs * factor ** Math.min(step - 1, 60));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
