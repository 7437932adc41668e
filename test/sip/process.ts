import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, closeSync, constants, openSync, readdirSync, readFileSync } from 'node:fs';
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

/** How long the workers of a stopped server get to be gone after SIGKILL. */
const GONE_WAIT_MS = 10_000;

/**
 * The processes of group `pgid` that still run, with their state, from /proc (Linux). A zombie
 * is left out: it has closed its files and sockets already.
 */
export function groupMembers(pgid: number): { pid: number; state: string }[] {
  const members: { pid: number; state: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended while we looked
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces, so read after the last ')'.
    const [state = '', , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') {
      members.push({ pid: Number(entry), state });
    }
  }
  return members;
}

/**
 * Stops a server by its PID: SIGTERM (Kamailio then stops its workers), SIGKILL to the whole
 * group if it is still there after `graceMs`. Resolves once no process of the group is left.
 *
 * The main process gone is not the server gone. Kamailio's TCP workers hold the clients'
 * connections too, and one still alive (SIGKILL is only delivered when it next runs, and not
 * at all while it waits on the disk in uninterruptible sleep) keeps them open: a client then
 * sees no disconnect, while the port is free again and the next server comes up beside it.
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
  // Workers normally exit before the main process; any left gets no second chance.
  killGroup(pid, 'SIGKILL');
  const deadline = Date.now() + GONE_WAIT_MS;
  for (;;) {
    const left = groupMembers(pid);
    if (left.length === 0) return;
    if (Date.now() > deadline) {
      const list = left.map((p) => `${p.pid} (state ${p.state})`).join(', ');
      throw new Error(`processes of the stopped server (group ${pid}) still run: ${list}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
