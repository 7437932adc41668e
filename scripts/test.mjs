#!/usr/bin/env node
// `npm test`: build the renderer (the e2e tests load it) and the team server, run every vitest
// project, and end
// with one plain summary line that any CI can read.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);

const build = spawnSync(
  process.execPath,
  [bin('electron-vite', 'bin/electron-vite.js'), 'build', '--logLevel', 'warn'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);
// The team server's bundle: the fault tests run it as a process of its own.
const serverBuild = spawnSync(process.execPath, [join(root, 'scripts', 'build-server.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (serverBuild.status !== 0) process.exit(serverBuild.status ?? 1);

const dir = mkdtempSync(join(tmpdir(), 'leadphone-vitest-'));
const report = join(dir, 'report.json');
const run = spawnSync(
  process.execPath,
  [
    bin('vitest', 'vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
let summary = 'Tests: 0 passed, 0 failed';
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  summary = `Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`;
} catch {
  // no report: vitest itself failed before running; its exit code says so
}
rmSync(dir, { recursive: true, force: true });
console.log(summary);
process.exit(run.status ?? 1);
