import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core';
import { silentLog } from '../../../src/main/core/infra/log';
import type { Method } from '../../../src/shared/api';
import { tempDir } from '../../helpers/tempDir';

// SIGKILL while saves are in flight: those that committed were never acknowledged. Sent again
// with their keys after the restart, as a window retries, each is still recorded once.
const KILLS = 6;
const root = join(__dirname, '..', '..', '..');
const dir = tempDir('leadphone-keyed-crash-');
const childFile = join(root, 'node_modules', '.cache', 'leadphone-tests', 'keyedSaveStream.mjs');

interface Sent {
  key: string;
  method: Method;
  input: Record<string, unknown>;
}

function runAndKill(dbPath: string, seed: number, afterAcks: number, delayMs: number) {
  return new Promise<{ sent: Sent[]; acked: Map<string, string>; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [childFile, dbPath, String(seed)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let stderr = '';
      let timer: NodeJS.Timeout | undefined;
      const guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const acks = out.split('\nack ').length - 1;
        if (timer === undefined && out.includes('ready\n') && acks >= afterAcks) {
          timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('exit', () => {
        clearTimeout(guard);
        clearTimeout(timer);
        // Only whole lines count: a line cut by the kill was never fully written.
        const lines = out.split('\n').slice(0, -1);
        const sent: Sent[] = [];
        const acked = new Map<string, string>();
        for (const line of lines) {
          const [kind = '', key = '', method = '', ...input] = line.split(' ');
          if (kind === 'send') {
            sent.push({
              key,
              method: method as Method,
              input: JSON.parse(input.join(' ')) as Record<string, unknown>,
            });
          } else if (kind === 'ack') acked.set(key, method);
        }
        resolve({ sent, acked, stderr });
      });
    },
  );
}

describe('SIGKILL with keyed saves in flight', () => {
  beforeAll(async () => {
    mkdirSync(join(childFile, '..'), { recursive: true });
    await build({
      entryPoints: [join(__dirname, 'keyedSaveStreamChild.ts')],
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

  it(`records every save once when the unacknowledged ones are sent again, ${KILLS} times`, async () => {
    let committedUnacked = 0;
    for (let k = 0; k < KILLS; k++) {
      const dbPath = join(dir.path, `crash-${k}`, 'leadphone.db');
      const run = await runAndKill(dbPath, k + 1, 8 + Math.floor(Math.random() * 60), 1);
      expect(run.stderr).toBe('');

      const core = createCore({
        dbPath,
        log: silentLog,
        notify: () => {},
        timers: { setTimeout: () => 0, clearTimeout: () => {}, everyMinute: () => () => {} },
      });
      try {
        const rows = (table: string) =>
          core.db.prepare(`SELECT id FROM ${table}`).pluck().all() as string[];
        const present = new Set([...rows('leads'), ...rows('dispositions')]);
        for (const id of run.acked.values()) expect(present.has(id)).toBe(true);

        // The window's retry: every save it sent and never heard back about, in its order.
        for (const s of run.sent.filter((s) => !run.acked.has(s.key))) {
          const committed = core.db
            .prepare('SELECT 1 FROM idempotency_keys WHERE key = ?')
            .get(s.key);
          if (committed) committedUnacked++;
          const first = await core.dispatch(s.method, s.input);
          expect(first.ok, JSON.stringify(first)).toBe(true);
          expect(await core.dispatch(s.method, s.input)).toEqual(first);
        }
        const keys = new Set(run.sent.map((s) => s.key));
        const perMethod = (m: Method) => run.sent.filter((s) => s.method === m).length;
        expect(keys.size).toBe(run.sent.length);
        expect(rows('leads')).toHaveLength(perMethod('leads.add'));
        expect(rows('dispositions')).toHaveLength(perMethod('dispositions.save'));
        expect(rows('calls')).toHaveLength(perMethod('dispositions.save'));
      } finally {
        core.close();
      }
    }
    // The kills did catch saves that had committed without their reply.
    expect(committedUnacked).toBeGreaterThan(0);
    console.info(`keyed crash test: ${committedUnacked} saves committed but unacknowledged`);
  }, 60_000);
});
