import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, closeSync, constants, openSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const KAMAILIO_PACKAGES = 'kamailio kamailio-websocket-modules';

/** Debian puts kamailio in /usr/sbin, which is not on a normal user's PATH. */
export function findKamailio(): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  const candidates = process.env.KAMAILIO_BIN
    ? [process.env.KAMAILIO_BIN]
    : dirs.filter(Boolean).map((dir) => join(dir, 'kamailio'));
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // try the next one
    }
  }
  throw new Error(
    `SIP lab: kamailio not found (looked in ${candidates.join(', ')}). ` +
      `Install the Debian packages: apt-get install ${KAMAILIO_PACKAGES} ` +
      '(or run `. scripts/setup.sh --test`).',
  );
}

// Cleanups for a test process that exits with a lab still up (a crashed or timed-out test).
const exitHooks = new Set<() => void>();
process.once('exit', () => {
  for (const hook of exitHooks) hook();
});

/** Runs `hook` (synchronous) if the process exits first; returns a function that cancels it. */
export function atExit(hook: () => void): () => void {
  exitHooks.add(hook);
  return () => exitHooks.delete(hook);
}

/** Kamailio forks ~10 workers; they share the main process's group, whose id is its PID. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Runs `bin args` in the foreground, in its own process group, with stdout and stderr appended
 * to `logPath` (a file, not a pipe: the server never blocks on a test that stopped reading).
 */
export function spawnLogged(bin: string, args: string[], logPath: string): ChildProcess {
  const log = openSync(logPath, 'a');
  try {
    const child = spawn(bin, args, { detached: true, stdio: ['ignore', log, log] });
    const pid = child.pid;
    if (pid !== undefined) {
      const cancel = atExit(() => killGroup(pid, 'SIGKILL'));
      child.once('exit', cancel);
    }
    return child;
  } finally {
    closeSync(log);
  }
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Stops a server by its PID: SIGTERM (Kamailio then stops its workers), SIGKILL to the whole
 * group if it is still there after `graceMs`. Resolves once the main process is gone.
 */
export async function stopProcess(child: ChildProcess, graceMs = 3000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited = new Promise<void>((resolve) => {
    if (hasExited(child)) resolve();
    else child.once('exit', () => resolve());
  });
  if (!hasExited(child)) child.kill('SIGTERM');
  const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // Workers normally exit with the main process; make sure none is left holding the ports.
  killGroup(pid, 'SIGKILL');
}
