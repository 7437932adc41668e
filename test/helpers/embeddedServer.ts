import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForExit } from '../../src/server/embedded/postgresCluster';
import { buildServerBundle } from './serverProcess';

export interface EmbeddedServer {
  pid: number;
  url: string;
  /** The first admin's one-time code, as the server printed it. */
  bootstrapCode: string;
  output(): string;
  /** SIGTERM (the server stops its PostgreSQL), then SIGKILL of both if that hangs. */
  stop(): Promise<void>;
}

/**
 * The team server as a pilot runs it: `main.mjs --embedded --data-dir DIR` (its own
 * PostgreSQL cluster in DIR, a free port), resolved once it prints that it is listening.
 */
export async function startEmbeddedServer(dataDir: string): Promise<EmbeddedServer> {
  const bundle = buildServerBundle();
  const child = spawn(
    process.execPath,
    [bundle, '--embedded', '--data-dir', dataDir, '--port', '0', '--team-name', 'Nhóm Thử'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 50_000);
    const check = () => {
      const m = /listening at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${out}`));
    });
  });
  const code = /enrolment code[^\n]*:\s*\n\s*\n\s*(\S+)/.exec(out)?.[1];
  if (!code) throw new Error(`no bootstrap code in: ${out}`);
  const pid = child.pid!;
  return {
    pid,
    url,
    bootstrapCode: code,
    output: () => out,
    async stop() {
      try {
        process.kill(pid, 'SIGTERM');
        await waitForExit(pid, 15_000);
      } catch {
        // Stuck: end it and its cluster by their PIDs, so nothing outlives the test.
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
        const pidFile = join(dataDir, 'postgres', 'pgdata', 'postmaster.pid');
        if (existsSync(pidFile)) {
          const pg = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
          if (pg > 0) {
            try {
              process.kill(pg, 'SIGQUIT');
              await waitForExit(pg, 15_000);
            } catch {
              // already gone
            }
          }
        }
      }
    },
  };
}
