import { createStore } from 'zustand/vanilla';
import type { TeamStatus } from '../../shared/team/status';
import type { Client } from '../api/client';

export interface TeamState {
  /** Null until main has answered. */
  status: TeamStatus | null;
  load(): Promise<void>;
  /** A status main announced or answered with. */
  apply(status: TeamStatus): void;
  syncNow(): Promise<void>;
  /** The refusals shown have been read. */
  ackRefusals(): Promise<void>;
}

/**
 * The link to the team server as every screen sees it: read once at start, then kept by the
 * `team.status` event main sends after each sync round, connect and disconnect.
 */
export function createTeamStore(client: Client) {
  return createStore<TeamState>()((set) => ({
    status: null,
    async load() {
      set({ status: await client.call('team.status', {}) });
    },
    apply: (status) => set({ status }),
    async syncNow() {
      set({ status: await client.call('team.syncNow', {}) });
    },
    async ackRefusals() {
      set({ status: await client.call('team.ackRefusals', {}) });
    },
  }));
}

export type TeamStore = ReturnType<typeof createTeamStore>;
