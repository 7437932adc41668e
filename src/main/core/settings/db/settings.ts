import { defaultSettings, Settings } from '../../../../shared/domain';
import type { Db } from '../../db/open';
import { writeTx } from '../../db/writeTx';

interface Cached {
  dataVersion: number;
  settings: Settings;
}

// Settings are read on every save and change a few times a year: parse them once. Other
// connections' commits move `data_version`; this connection writes them only in writeSettings.
const cache = new WeakMap<Db, Cached>();

export function readSettings(db: Db): Settings {
  const dataVersion = db.prepare('PRAGMA data_version').pluck().get() as number;
  const hit = cache.get(db);
  if (hit && hit.dataVersion === dataVersion) return hit.settings;
  const stored: Record<string, unknown> = {};
  for (const r of db.prepare('SELECT key, value FROM settings').all() as {
    key: string;
    value: string;
  }[]) {
    stored[r.key] = JSON.parse(r.value);
  }
  // A value this version cannot read falls back to the default rather than breaking start-up.
  const merged = { ...defaultSettings, ...stored };
  const parsed = Settings.safeParse(merged);
  const settings = deepFreeze(parsed.success ? parsed.data : structuredClone(defaultSettings));
  // Inside a transaction the rows may still be rolled back: do not keep them.
  if (!db.inTransaction) cache.set(db, { dataVersion, settings });
  return settings;
}

export function writeSettings(db: Db, changes: Partial<Settings>): void {
  cache.delete(db);
  const put = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  writeTx(db, () => {
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) put.run(key, JSON.stringify(value));
    }
  });
}

// One object is handed to every caller: none may change it under the others.
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
