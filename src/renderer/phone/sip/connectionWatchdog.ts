export interface WatchdogOptions {
  /** Time between pings while the connection looks healthy. */
  intervalMs: number;
  /** A ping unanswered for this long means the connection is dead. */
  timeoutMs: number;
  /** Sends one ping; resolves when anything comes back (any SIP response proves the path works). */
  ping(): Promise<void>;
  /** Called once when a ping times out; the watchdog stops itself first. */
  onDead(): void;
}

/**
 * Detects a dead signalling connection. A WebSocket whose server vanished without closing it
 * (a NAT that forgot the mapping, a frozen PBX, a laptop moved to another network) stays "open"
 * for minutes, and sip.js's CRLF keep-alive cannot tell because nothing answers a CRLF. An
 * OPTIONS request to the server gets a response, or it does not.
 */
export class ConnectionWatchdog {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private generation = 0;

  constructor(private readonly options: WatchdogOptions) {}

  start(): void {
    this.stop();
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    this.generation++;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    const mine = this.generation;
    this.timer = setTimeout(() => {
      if (mine === this.generation) void this.check(mine);
    }, this.options.intervalMs);
  }

  private async check(mine: number): Promise<void> {
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<'dead'>((resolve) => {
      timeout = setTimeout(() => resolve('dead'), this.options.timeoutMs);
    });
    // A ping that fails at once (transport already closed) is for onDisconnect to handle.
    const answered = this.options.ping().then(
      () => 'alive' as const,
      () => 'alive' as const,
    );
    const verdict = await Promise.race([answered, expired]);
    clearTimeout(timeout);
    if (mine !== this.generation || !this.running) return;
    if (verdict === 'dead') {
      this.stop();
      this.options.onDead();
      return;
    }
    this.schedule();
  }
}
