import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_EXTENSION } from '../../../shared/api/sync';
import { localTime } from '../../../shared/time';
import { makePrivateDir } from '../infra/privateFiles';

/*
 * Where bundles are written: `<dataDir>/bundles/`, never a folder the renderer names. The name
 * is the caller's bare file name (the contract refuses separators and `..`) or one made from
 * the agent code, the local time and the kind; `.lpbundle` is always the extension and an
 * existing file is never replaced.
 */

export const BUNDLES_FOLDER = 'bundles';

const pad = (n: number) => String(n).padStart(2, '0');

/** `A01-20261123-1342-work.lpbundle` (for an assignment, the code of the agent it is for). */
export function defaultBundleName(
  agentCode: string,
  kind: 'work' | 'assignment',
  now: number,
  timeZone: string,
): string {
  const l = localTime(now, timeZone);
  const stamp = `${l.year}${pad(l.month)}${pad(l.day)}-${pad(Math.floor(l.minutes / 60))}${pad(l.minutes % 60)}`;
  // A code may start with a dot; a file name that does would be hidden.
  const code = agentCode.replace(/^\.+/, '') || 'leadphone';
  return `${code}-${stamp}-${kind}${BUNDLE_EXTENSION}`;
}

/** `name.lpbundle`, else `name (2).lpbundle`, …, inside `dir` (created when missing). */
export function freeBundlePath(dir: string, name: string): string {
  makePrivateDir(dir);
  const base = name.toLowerCase().endsWith(BUNDLE_EXTENSION)
    ? name.slice(0, -BUNDLE_EXTENSION.length)
    : name;
  for (let i = 1; ; i++) {
    const path = join(dir, `${base}${i === 1 ? '' : ` (${i})`}${BUNDLE_EXTENSION}`);
    if (!existsSync(path)) return path;
  }
}
