import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tempDir';

// A process killed with SIGKILL in the middle of a stream of dispositions, 20 times: the file
// must pass `PRAGMA integrity_check` every time, and every disposition the core acknowledged
// (its save returned) must be there. 4 files, 5 kills each: a fresh file, then the same file
// reopened after each crash.
const FILES = 4;
const KILLS_PER_FILE = 5;
const root = join(__dirname, '..', '..', '..');
const dir = tempDir('leadphone-crash-');
// Bundled once so each child starts in ~0.3 s instead of compiling TypeScript every time; it
// lives under node_modules so its own imports (better-sqlite3, zod…) resolve from there.
const childFile = join(root, 'node_modules', '.cache', 'leadphone-tests', 'dispositionStream.mjs');

interface Run {
  acked: string[];
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Starts the child and SIGKILLs it `delayMs` after it has acknowledged `afterAcks` saves (0:
 * after it is ready, which may be in the middle of opening or migrating the file).
 */
function runAndKill(
  dbPath: string,
  seed: number,
  afterAcks: number,
  delayMs: number,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childFile, dbPath, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    let acks = 0;
    const guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      acks += chunk.toString().split('ack ').length - 1;
      if (timer === undefined && out.includes('ready\n') && acks >= afterAcks) {
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      clearTimeout(timer);
      // Only whole lines count: a line cut by the kill was never fully acknowledged.
      const lines = out.split('\n').slice(0, -1);
      const acked = lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4));
      resolve({ acked, signal, stderr });
    });
  });
}

describe('SIGKILL during a stream of dispositions', () => {
  beforeAll(async () => {
    mkdirSync(join(childFile, '..'), { recursive: true });
    await build({
      entryPoints: [join(__dirname, 'dispositionStreamChild.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      packages: 'external',
      outfile: childFile,
      logLevel: 'error',
    });
  });
  afterAll(() => dir.remove());

  it(`keeps the file sound and every acknowledged disposition, ${FILES * KILLS_PER_FILE} times`, async () => {
    let kills = 0;
    let totalAcked = 0;
    for (let f = 0; f < FILES; f++) {
      const dbPath = join(dir.path, `crash-${f}`, 'leadphone.db');
      const acked: string[] = [];
      for (let k = 0; k < KILLS_PER_FILE; k++) {
        // A random moment: after 0–100 acknowledged saves, then 0–4 ms more (mid-transaction).
        const afterAcks = Math.floor(Math.random() * 100);
        const delay = Math.random() * 4;
        const run = await runAndKill(dbPath, f * KILLS_PER_FILE + k + 1, afterAcks, delay);
        expect(run.stderr).toBe('');
        expect(run.signal).toBe('SIGKILL');
        kills++;
        acked.push(...run.acked);

        const db = new Database(dbPath, { readonly: true, fileMustExist: true });
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          const present = new Set(
            db.prepare('SELECT id FROM dispositions').pluck().all() as string[],
          );
          const missing = acked.filter((id) => !present.has(id));
          expect(missing).toEqual([]);
        } finally {
          db.close();
        }
      }
      totalAcked += acked.length;
    }
    expect(kills).toBe(20);
    // The kills did land mid-stream, not only before the first save.
    expect(totalAcked).toBeGreaterThan(FILES * KILLS_PER_FILE);
    console.info(
      `crash test: ${kills} SIGKILLs, ${totalAcked} acknowledged dispositions, all present`,
    );
  }, 60_000);
});
