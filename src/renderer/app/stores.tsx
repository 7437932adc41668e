import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Client } from '../api/client';
import { createImportStore } from '../intake/importStore';
import { createQueueStore, type QueueState } from '../leads/queueStore';
import { createRemindersStore, type RemindersState } from '../reminders/remindersStore';
import { createSettingsStore, type SettingsState } from '../settings/settingsStore';
import { createTeamStore, type TeamState } from '../team/teamStore';
import { createCatalogueStore, type CatalogueState } from '../workflow/catalogueStore';
import { createDrawerStore, type DrawerState } from './drawerStore';

/** The renderer's stores, one of each for the page: what the screens read and act on. */
export interface Stores {
  client: Client;
  queue: ReturnType<typeof createQueueStore>;
  settings: ReturnType<typeof createSettingsStore>;
  catalogue: ReturnType<typeof createCatalogueStore>;
  reminders: ReturnType<typeof createRemindersStore>;
  /** The import dialog's steps; kept while the agent visits another screen mid-import. */
  imports: ReturnType<typeof createImportStore>;
  drawer: ReturnType<typeof createDrawerStore>;
  /** The link to the team server (off when there is none). */
  team: ReturnType<typeof createTeamStore>;
}

export function createStores(client: Client): Stores {
  const queue = createQueueStore(client);
  const drawer = createDrawerStore();
  // Master–detail: the open lead follows the row the agent moves to.
  queue.subscribe((s, before) => {
    if (s.selectedId !== before.selectedId) drawer.getState().follow(s.selectedId);
  });
  return {
    client,
    queue,
    settings: createSettingsStore(client),
    catalogue: createCatalogueStore(client),
    reminders: createRemindersStore(client),
    imports: createImportStore(client),
    drawer,
    team: createTeamStore(client),
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

export function useTeam<T>(selector: (s: TeamState) => T): T {
  return useStore(useStores().team, selector);
}

export function useDrawer<T>(selector: (s: DrawerState) => T): T {
  return useStore(useStores().drawer, selector);
}
