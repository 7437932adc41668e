import type { AreaHandlers } from '../../../shared/api';
import type { settingsArea } from '../../../shared/api/settings';
import type { Db } from '../db/open';
import type { CoreEventListener } from '../plumbing/core';
import { readSettings, writeSettings } from './db/settings';

export function createSettingsHandlers(ctx: {
  db: Db;
  emit: CoreEventListener;
}): AreaHandlers<typeof settingsArea> {
  const { db } = ctx;
  return {
    'settings.get': () => readSettings(db),
    'settings.update': (changes) => {
      writeSettings(db, changes);
      const settings = readSettings(db);
      ctx.emit('settings.changed', settings);
      return settings;
    },
  };
}
