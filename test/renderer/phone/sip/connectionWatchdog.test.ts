import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionWatchdog } from '../../../../src/renderer/phone/sip/connectionWatchdog';

describe('ConnectionWatchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pings at the interval while every ping is answered', async () => {
    const ping = vi.fn(() => Promise.resolve());
    const onDead = vi.fn();
    const dog = new ConnectionWatchdog({ intervalMs: 1000, timeoutMs: 300, ping, onDead });
    dog.start();
    await vi.advanceTimersByTimeAsync(3500);
    expect(ping).toHaveBeenCalledTimes(3);
    expect(onDead).not.toHaveBeenCalled();
    dog.stop();
  });

  it('declares the connection dead once when a ping goes unanswered, and stops pinging', async () => {
    let calls = 0;
    const ping = vi.fn(() => (++calls === 2 ? new Promise<void>(() => {}) : Promise.resolve()));
    const onDead = vi.fn();
    const dog = new ConnectionWatchdog({ intervalMs: 1000, timeoutMs: 300, ping, onDead });
    dog.start();
    await vi.advanceTimersByTimeAsync(2299);
    expect(onDead).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2);
    expect(onDead).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ping).toHaveBeenCalledTimes(2);
    expect(onDead).toHaveBeenCalledTimes(1);
  });

  it('forgets a ping in flight when stopped (a reconnect must not be called dead)', async () => {
    const onDead = vi.fn();
    const dog = new ConnectionWatchdog({
      intervalMs: 1000,
      timeoutMs: 300,
      ping: () => new Promise<void>(() => {}),
      onDead,
    });
    dog.start();
    await vi.advanceTimersByTimeAsync(1100);
    dog.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(onDead).not.toHaveBeenCalled();
  });
});
