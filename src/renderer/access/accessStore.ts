import { useCallback, useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { AuthStatus } from '../../shared/authApi';
import type { Client } from '../api/client';
import { useStores } from '../app/stores';

export interface AccessState {
  /** Null until main has answered (nothing is shown or unlocked before that). */
  status: AuthStatus | null;
  load(): Promise<void>;
  setStatus(status: AuthStatus): void;
}

function createAccessStore(client: Client) {
  const store = createStore<AccessState>()((set) => ({
    status: null,
    async load() {
      set({ status: await client.call('auth.status', {}) });
    },
    setStatus: (status) => set({ status }),
  }));
  const reload = () =>
    void store
      .getState()
      .load()
      .catch(() => undefined);
  // Another admin connection changed the install's role or masking.
  client.on('auth.changed', reload);
  // Main ends an idle unlock on its own; ask again when it may have, so the screen follows.
  let timer: ReturnType<typeof setTimeout> | undefined;
  store.subscribe(({ status }) => {
    clearTimeout(timer);
    if (status?.unlockedUntil) {
      timer = setTimeout(reload, Math.max(1_000, status.unlockedUntil - Date.now() + 1_000));
    }
  });
  return store;
}

export type AccessStore = ReturnType<typeof createAccessStore>;

// One store per client, kept beside it rather than in the shared store list.
const stores = new WeakMap<Client, AccessStore>();

export function accessStoreFor(client: Client): AccessStore {
  let store = stores.get(client);
  if (!store) {
    store = createAccessStore(client);
    stores.set(client, store);
    void store
      .getState()
      .load()
      .catch(() => undefined);
  }
  return store;
}

export function useAccess<T>(selector: (s: AccessState) => T): T {
  return useStore(accessStoreFor(useStores().client), selector);
}

export function useAccessStore(): AccessStore {
  return accessStoreFor(useStores().client);
}

/** Stores a status main answered with. */
export function useApplyStatus(): (next: AuthStatus) => void {
  const access = useAccessStore();
  return useCallback((next: AuthStatus) => access.getState().setStatus(next), [access]);
}

/**
 * Calls `onChange` when what this connection may see changes (role or masking: unlocked, locked,
 * timed out, set by an admin), so no full number lingers on an agent's screen.
 */
export function useWhenAccessChanges(onChange: () => void): void {
  const access = useAccessStore();
  useEffect(
    () =>
      access.subscribe(({ status }, { status: before }) => {
        if (!status || !before) return;
        if (before.role !== status.role || before.maskNumbers !== status.maskNumbers) onChange();
      }),
    [access, onChange],
  );
}

/** The queue and reminders follow access changes. Used once, by a component always on screen. */
export function useViewFollowsAccess(): void {
  const { queue, reminders } = useStores();
  const reload = useCallback(() => {
    void queue.getState().reload();
    void reminders.getState().refresh();
  }, [queue, reminders]);
  useWhenAccessChanges(reload);
}
