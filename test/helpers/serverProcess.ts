import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { waitForExit } from '../../src/server/embedded/postgresCluster';

const root = join(__dirname, '..', '..');

/** Builds out/server/main.mjs, as `npm test` does first (quick: esbuild). */
export function buildServerBundle(): string {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-server.mjs')], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`server build failed: ${r.stderr}`);
  return join(root, 'out', 'server', 'main.mjs');
}

export interface ServerProcess {
  pid: number;
  url: string;
  /** Everything it printed. */
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * The built server as its own process (as `npm run server` runs it), on a fixed port so a
 * restarted one is found at the same address. Resolves once it says it is listening.
 */
export async function startServerProcess(
  bundle: string,
  databaseUrl: string,
  port: number,
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [bundle, '--database-url', databaseUrl, '--port', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
    const check = () => {
      if (/listening at/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${out}`));
    });
  });
  child.removeAllListeners('exit');
  const pid = child.pid!;
  return {
    pid,
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    async kill(signal) {
      try {
        process.kill(pid, signal);
      } catch {
        return;
      }
      await waitForExit(pid);
    },
  };
}
