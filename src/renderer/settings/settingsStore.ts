import { createStore } from 'zustand/vanilla';
import { defaultSettings, type Language, type Settings } from '../../shared/domain';
import type { Client } from '../api/client';

export interface SettingsState {
  settings: Settings;
  loaded: boolean;
  load(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
}

export function createSettingsStore(client: Client) {
  return createStore<SettingsState>()((set) => ({
    settings: defaultSettings,
    loaded: false,
    async load() {
      set({ settings: await client.call('settings.get', {}), loaded: true });
    },
    async setLanguage(language) {
      set({ settings: await client.call('settings.update', { language }) });
    },
  }));
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
