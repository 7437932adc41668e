import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Client } from '../api/client';
import { createQueueStore, type QueueState } from '../leads/queueStore';
import { createSettingsStore, type SettingsState } from '../settings/settingsStore';
import { createCatalogueStore, type CatalogueState } from '../workflow/catalogueStore';
import { createRemindersStore, type RemindersState } from '../reminders/remindersStore';

export interface Stores {
  client: Client;
  queue: ReturnType<typeof createQueueStore>;
  settings: ReturnType<typeof createSettingsStore>;
  catalogue: ReturnType<typeof createCatalogueStore>;
  reminders: ReturnType<typeof createRemindersStore>;
}

export function createStores(client: Client): Stores {
  return {
    client,
    queue: createQueueStore(client),
    settings: createSettingsStore(client),
    catalogue: createCatalogueStore(client),
    reminders: createRemindersStore(client),
  };
}

const StoresContext = createContext<Stores | null>(null);

export function StoresProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('StoresProvider is missing');
  return stores;
}

export function useQueue<T>(selector: (s: QueueState) => T): T {
  return useStore(useStores().queue, selector);
}

export function useSettings<T>(selector: (s: SettingsState) => T): T {
  return useStore(useStores().settings, selector);
}

export function useCatalogue<T>(selector: (s: CatalogueState) => T): T {
  return useStore(useStores().catalogue, selector);
}

export function useReminders<T>(selector: (s: RemindersState) => T): T {
  return useStore(useStores().reminders, selector);
}
