import { defaultSettings, Settings } from '../../../shared/domain';
import type { Db } from './open';

export function readSettings(db: Db): Settings {
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
  return parsed.success ? parsed.data : defaultSettings;
}

export function writeSettings(db: Db, changes: Partial<Settings>): void {
  const put = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) put.run(key, JSON.stringify(value));
    }
  })();
}
