import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { AppError } from '../../../shared/errors';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../infra/privateFiles';

export interface Versions {
  app: string;
  schema: number;
  node: string;
  electron: string | null;
  chrome: string | null;
  sqlite: string;
  platform: string;
  arch: string;
  osRelease: string;
}

/** Only the log files: never the database, the key file or anything else in the data folder. */
const LOG_NAME = /^leadphone(\.\d+)?\.log$/;

/**
 * A zip for support: the (already sanitized) log files and the versions. Nothing else — the
 * database and the secrets' key file stay where they are.
 */
export function saveDiagnostics(options: {
  logDir: string;
  target: string;
  versions: Versions;
  savedAt: number;
}): { path: string; bytes: number } {
  const { logDir, target } = options;
  const files: Zippable = {
    'versions.json': strToU8(
      JSON.stringify(
        { ...options.versions, savedAt: new Date(options.savedAt).toISOString() },
        null,
        2,
      ),
    ),
  };
  const logs = existsSync(logDir) ? readdirSync(logDir).filter((f) => LOG_NAME.test(f)) : [];
  for (const name of logs) files[`logs/${name}`] = readFileSync(join(logDir, name));
  const zip = zipSync(files, { level: 6, mtime: new Date(options.savedAt) });
  makePrivateDir(dirname(target));
  // Never over another file, even one of ours saved in the same second.
  try {
    writeFileSync(target, zip, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
      // The file was made, then the disk had no room for all of it: no half zip stays.
      rmSync(target, { force: true });
      throw err;
    }
    throw new AppError('invalid_input', 'A file with this name already exists.', {
      fields: [{ path: 'path', key: 'diagnostics_exists' }],
    });
  }
  return { path: target, bytes: zip.length };
}

/**
 * `<dir>/leadphone-diagnostics-20261123-140512.zip` in local time as the person saving it reads
 * it, with ` (2)`, ` (3)`… when that name is taken.
 */
export function diagnosticsPath(dir: string, at: number): string {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  const base = `leadphone-diagnostics-${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
  for (let i = 1; ; i++) {
    const path = join(dir, `${base}${i === 1 ? '' : ` (${i})`}.zip`);
    if (!existsSync(path)) return path;
  }
}
