import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(__dirname, '..', '..');
// Inside node_modules, so the bundle's own imports (better-sqlite3, papaparse…) resolve there;
// one folder per checkout, as worktrees may share one node_modules (a link): a run in another
// checkout would otherwise replace these bundles with ones built from other sources.
const dir = join(
  root,
  'node_modules',
  '.cache',
  'leadphone-test',
  createHash('sha256').update(root).digest('hex').slice(0, 12),
);

/**
 * The import workers (leads, the do-not-call register) bundled once per test run, as the app's build bundles it, so each import a
 * test runs starts its worker in milliseconds instead of compiling TypeScript through tsx.
 * Answers the bundle's path (src/main/core/intake/importInWorker.ts picks it up from
 * LEADPHONE_TEST_IMPORT_WORKER when running from the sources).
 */
export async function buildImportWorker(): Promise<string> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  await build({
    entryPoints: {
      importWorker: join(root, 'src', 'main', 'core', 'intake', 'importWorker.ts'),
      dncWorker: join(root, 'src', 'main', 'core', 'compliance', 'registerWorker.ts'),
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  return join(dir, 'importWorker.mjs');
}

/** The national register's import worker, built beside the lead import's by the same build. */
export const DNC_WORKER_BUNDLE = join(dir, 'dncWorker.mjs');
