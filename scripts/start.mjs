#!/usr/bin/env node
// `npm start`: build if the sources changed, then launch Electron — or, where Electron's binary
// is missing (it cannot be downloaded everywhere), serve the same app through the browser host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const hostOnly = args.includes('--host');
const passThrough = args.filter((a) => a !== '--host');

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `LeadPhone needs Node.js 22 or newer (this is ${process.version}). Run \`. scripts/setup.sh\` first; it puts Node 22 on the PATH.`,
  );
  process.exit(1);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  const built = join(root, 'out', 'main', 'host.js');
  if (!existsSync(built) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) return true;
  return newestMtime(join(root, 'src')) > statSync(built).mtimeMs;
}

if (needsBuild()) {
  console.log('Building LeadPhone…');
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** The Electron executable, found without require('electron') (which would try to download it). */
function electronBinary() {
  const pkg = process.env.LEADPHONE_ELECTRON_DIR ?? join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const exe = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : undefined;
}

function run(cmd, cmdArgs) {
  const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = hostOnly ? undefined : electronBinary();
if (electron) {
  run(electron, [root, ...passThrough]);
} else {
  if (!hostOnly) {
    console.log(
      'Electron’s binary is not installed here (node_modules/electron/dist is missing), so LeadPhone opens in your browser instead:',
    );
  }
  run(process.execPath, [join(root, 'out', 'main', 'host.js'), ...passThrough]);
}
