import { homedir } from 'node:os';
import { join } from 'node:path';

export const DB_FILE = 'leadphone.db';
const APP_DIR = 'LeadPhone';

/**
 * The folder Electron would give as `userData` for this app, so the host and the desktop app
 * share one database by default. `--data-dir` or LEADPHONE_DATA_DIR wins.
 */
export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (flag) return flag;
  if (env.LEADPHONE_DATA_DIR) return env.LEADPHONE_DATA_DIR;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR);
}
