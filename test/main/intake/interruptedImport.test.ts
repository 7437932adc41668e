import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Method, MethodInput, MethodOutput } from '../../../src/shared/api';
import { tempCore, type TempCore } from '../../helpers/tempCore';
import { tempDir } from '../../helpers/tempDir';

const ROWS = 60_000;
// A child that starts through tsx, uploads and imports: seconds, more on a busy machine.
const CHILD_MS = 60_000;

function leadsCsv(): string {
  const lines = ['Họ tên,SĐT,Nguồn'];
  for (let i = 0; i < ROWS; i++) lines.push(`Khách ${i},09${String(10_000_000 + i)},Facebook`);
  return `${lines.join('\n')}\n`;
}

/** Runs the import in a child process and SIGKILLs it once `afterRows` rows were reported. */
function importUntilKilled(dbPath: string, csvPath: string, afterRows: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'interruptedImportChild.ts'), dbPath, csvPath],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    let seen = 0;
    const guard = setTimeout(() => child.kill('SIGTERM'), CHILD_MS - 5_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      for (const m of out.matchAll(/progress (\d+)\n/g)) seen = Math.max(seen, Number(m[1]));
      if (seen >= afterRows) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      if (signal === 'SIGKILL') resolve(seen);
      else reject(new Error(`the import was not killed (${out.slice(-200)} ${err.slice(0, 500)})`));
    });
  });
}

async function call<M extends Method>(t: TempCore, method: M, input: MethodInput<M>) {
  const r = await t.core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as MethodOutput<M>;
}

describe('an import cut short by a crash', () => {
  const dirs: { remove(): void }[] = [];
  const cores: TempCore[] = [];
  afterEach(() => {
    while (cores.length) cores.pop()!.dispose();
    while (dirs.length) dirs.pop()!.remove();
  });

  it(
    'is shown at the next start with how far it got, and resumes to the end',
    async () => {
      const dir = tempDir();
      dirs.push(dir);
      const dbPath = join(dir.path, 'leadphone.db');
      const csvPath = join(dir.path, 'leads.csv');
      writeFileSync(csvPath, leadsCsv());
      // The child makes the database; the tests' role setup comes after, as on a real install.
      await importUntilKilled(dbPath, csvPath, 10_000);

      const t = tempCore({ dir: dir.path });
      cores.push(t);
      const leads = () => t.core.db.prepare('SELECT count(*) FROM leads').pluck().get() as number;
      const { items } = await call(t, 'imports.interrupted', {});
      expect(items).toHaveLength(1);
      const [run] = items;
      expect(run).toMatchObject({ fileName: 'data-thang-12.csv', canResume: true });
      // The record is written with each batch: it says exactly what is in.
      expect(run!.rowsDone).toBe(leads());
      expect(run!.rowsDone).toBeGreaterThan(0);
      expect(run!.rowsDone).toBeLessThan(ROWS);
      expect(run!.totalEstimate).toBeGreaterThanOrEqual(run!.rowsDone);

      const report = await call(t, 'imports.resume', { runId: run!.runId });
      expect(report.balanced).toBe(true);
      expect(report.counts).toMatchObject({
        rowsRead: ROWS,
        newLeads: ROWS - run!.rowsDone,
        unchanged: run!.rowsDone,
      });
      expect(leads()).toBe(ROWS);
      expect((await call(t, 'imports.interrupted', {})).items).toEqual([]);
      expect(readdirSync(join(dir.path, 'import-runs'))).toEqual([]);
    },
    CHILD_MS,
  );

  it(
    'can be dismissed: its file is deleted and it is not offered again',
    async () => {
      const dir = tempDir();
      dirs.push(dir);
      const dbPath = join(dir.path, 'leadphone.db');
      const csvPath = join(dir.path, 'leads.csv');
      writeFileSync(csvPath, leadsCsv());
      await importUntilKilled(dbPath, csvPath, 5_000);

      const t = tempCore({ dir: dir.path });
      cores.push(t);
      const [run] = (await call(t, 'imports.interrupted', {})).items;
      expect(readdirSync(join(dir.path, 'import-runs'))).toHaveLength(1);
      await call(t, 'imports.dismiss', { runId: run!.runId });
      expect((await call(t, 'imports.interrupted', {})).items).toEqual([]);
      expect(readdirSync(join(dir.path, 'import-runs'))).toEqual([]);
      const again = await t.core.dispatch('imports.resume', { runId: run!.runId });
      expect(again).toMatchObject({ ok: false, error: { code: 'not_found' } });
    },
    CHILD_MS,
  );
});
