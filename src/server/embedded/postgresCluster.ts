import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/*
 * A private PostgreSQL cluster in a folder, for a pilot on one machine (`--embedded`) and for
 * the tests: initdb and pg_ctl of the machine's PostgreSQL, listening on 127.0.0.1 only, on a
 * free port, with a random password kept in the folder (0600). PostgreSQL refuses to run as
 * root, so as root every command runs as the `postgres` user the Debian package creates, and
 * the cluster's folder belongs to that user.
 */

export interface PostgresCluster {
  url: string;
  port: number;
  /** The postmaster's process id (from postmaster.pid), for a test that kills it. */
  pid: number;
  dataDir: string;
  /** Starts it again on the same port, after a stop or a kill; waits for the old process to go. */
  start(): Promise<void>;
  /** A fast shutdown (`pg_ctl stop -m fast`), then waits until the process is gone. */
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** The folder that holds the cluster (`pgdata/`), its log and its password. */
  dir: string;
  /** A fixed port; a free one is picked (and kept in the folder) when absent. */
  port?: number;
}

const CLUSTER_FOLDER = 'pgdata';
const SECRET_FILE = 'postgres-password';
const PORT_FILE = 'postgres-port';
const LOG_FILE = 'postgresql.log';
const SUPERUSER = 'leadphone';
export const EMBEDDED_DATABASE = 'leadphone';

/** The bin folder of the newest PostgreSQL ≥ 15 the machine has (Debian's layout first). */
export function postgresBinDir(): string {
  const fromEnv = process.env.LEADPHONE_PG_BIN;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .map(Number)
        .filter((v) => v >= 15 && existsSync(join(root, String(v), 'bin', 'initdb')))
        .sort((a, b) => b - a)
    : [];
  if (versions.length > 0) return join(root, String(versions[0]), 'bin');
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0 && existsSync(join(pgConfig.stdout.trim(), 'initdb'))) {
    return pgConfig.stdout.trim();
  }
  throw new Error(
    'PostgreSQL 15 or newer was not found (looked in /usr/lib/postgresql and pg_config). Install it with `. scripts/setup.sh --server`, or set LEADPHONE_PG_BIN.',
  );
}

interface RunAs {
  uid: number;
  gid: number;
  /** The argv prefix that runs a command as that user. */
  prefix: string[];
}

/** As root, PostgreSQL's commands run as `postgres`; as anyone else, as themselves. */
function runAs(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g'), prefix: ['runuser', '-u', 'postgres', '--'] };
  } catch {
    throw new Error(
      'Running as root, PostgreSQL needs the `postgres` user that its Debian package creates.',
    );
  }
}

/** Every folder above the cluster's must let `postgres` pass (x for others). */
function checkReachable(dir: string): void {
  for (let d = dir; ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `The postgres user cannot reach ${dir}: ${d} is closed to other users. Use a folder whose parents are open to pass through (chmod o+x ${d}).`,
      );
    }
    if (dirname(d) === d) return;
  }
}

function run(as: RunAs | null, command: string, args: string[]): string {
  const [cmd, ...rest] = as ? [...as.prefix, command, ...args] : [command, ...args];
  const r = spawnSync(cmd!, rest, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    throw new Error(`${command.split('/').at(-1)} failed: ${(r.stderr || r.stdout).trim()}`);
  }
  return r.stdout;
}

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits until a process is gone: after a SIGKILL the postmaster lingers for a moment. */
export async function waitForExit(pid: number, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > until) throw new Error(`process ${pid} did not exit`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function readPid(pgdata: string): number | null {
  try {
    const first = readFileSync(join(pgdata, 'postmaster.pid'), 'utf8').split('\n')[0];
    const pid = Number(first);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Creates the cluster in `dir` if it is not there yet, starts it and returns how to reach it.
 * The database `leadphone` exists in it; the URL carries the password.
 */
export async function startPostgresCluster(options: ClusterOptions): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const as = runAs();
  const dir = options.dir;
  const pgdata = join(dir, CLUSTER_FOLDER);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // As root the cluster belongs to `postgres`, who must be able to pass through the folder.
  chmodSync(dir, as ? 0o711 : 0o700);
  if (as) checkReachable(dirname(dir));

  const secretFile = join(dir, SECRET_FILE);
  if (!existsSync(join(pgdata, 'PG_VERSION'))) {
    rmSync(pgdata, { recursive: true, force: true });
    mkdirSync(pgdata, { mode: 0o700 });
    if (as) chownSync(pgdata, as.uid, as.gid);
    const password = randomBytes(24).toString('base64url');
    writeFileSync(secretFile, `${password}\n`, { mode: 0o600 });
    // initdb reads the password from a file its user can read; it lives only for this call.
    const pwfile = join(dir, 'initdb-password');
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (as) chownSync(pwfile, as.uid, as.gid);
    try {
      run(as, join(bin, 'initdb'), [
        '-D',
        pgdata,
        '-U',
        SUPERUSER,
        `--pwfile=${pwfile}`,
        '--auth-host=scram-sha-256',
        '--auth-local=scram-sha-256',
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
        '--no-instructions',
      ]);
    } finally {
      rmSync(pwfile, { force: true });
    }
  }
  const password = readFileSync(secretFile, 'utf8').trim();
  const portFile = join(dir, PORT_FILE);
  const port =
    options.port ??
    (existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : await freeLoopbackPort());
  writeFileSync(portFile, `${port}\n`, { mode: 0o600 });

  const startOnce = () =>
    run(as, join(bin, 'pg_ctl'), [
      '-D',
      pgdata,
      '-l',
      join(pgdata, LOG_FILE),
      '-w',
      '-t',
      '60',
      '-o',
      // Loopback only, no Unix socket (its path would be the machine's, not ours).
      `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
      'start',
    ]);

  const cluster: PostgresCluster = {
    url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`,
    port,
    pid: 0,
    dataDir: pgdata,
    async start() {
      const old = readPid(pgdata);
      if (old !== null) await waitForExit(old);
      // After a crash the old server's children can hold its shared memory for a moment
      // ("pre-existing shared memory block is still in use"): try again, a bounded number of times.
      for (let attempt = 1; ; attempt++) {
        try {
          startOnce();
          break;
        } catch (err) {
          if (attempt >= 20) throw err;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      cluster.pid = readPid(pgdata) ?? 0;
    },
    async stop() {
      const pid = readPid(pgdata);
      if (pid === null || !alive(pid)) return;
      try {
        run(as, join(bin, 'pg_ctl'), ['-D', pgdata, '-m', 'fast', '-w', '-t', '60', 'stop']);
      } catch {
        process.kill(pid, 'SIGQUIT');
      }
      await waitForExit(pid);
    },
  };
  await cluster.start();
  await ensureDatabase(cluster.url);
  return cluster;
}

/** The `leadphone` database, made once in a new cluster (initdb makes only `postgres`). */
async function ensureDatabase(url: string): Promise<void> {
  const { Client } = await import('pg');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      EMBEDDED_DATABASE,
    ]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  } finally {
    await client.end();
  }
}
