import { createStore } from 'zustand/vanilla';

/** A lead open in the drawer. */
export interface OpenLead {
  id: string;
  /** The disposition panel shows (at hang-up, with D, or the agent asked). */
  recording: boolean;
  /** The softphone's call the panel records an outcome for (set at hang-up). */
  callId: string | null;
}

/**
 * The drawer beside the queue: a lead (recording an outcome or not), else today's callbacks
 * when asked for, else nothing.
 */
export interface DrawerState {
  lead: OpenLead | null;
  /** Today's callbacks, shown while no lead is open. */
  today: boolean;
  open(id: string): void;
  /** Opens a lead on its disposition panel (the D key). */
  record(id: string): void;
  /** A call ended: its lead, on the disposition panel for that call when there is one. */
  openFromCall(id: string, callId: string | null): void;
  setRecording(recording: boolean): void;
  /** Master–detail: an open lead follows the row the agent moves to, unless mid-disposition. */
  follow(selectedId: string | null): void;
  close(): void;
  toggleToday(): void;
}

export function createDrawerStore() {
  return createStore<DrawerState>()((set, get) => ({
    lead: null,
    today: false,
    open: (id) => set({ lead: { id, recording: false, callId: null } }),
    record: (id) => set({ lead: { id, recording: true, callId: null } }),
    openFromCall: (id, callId) => set({ lead: { id, recording: callId !== null, callId } }),
    setRecording(recording) {
      const { lead } = get();
      if (lead) set({ lead: { ...lead, recording } });
    },
    follow(selectedId) {
      const { lead } = get();
      if (lead && !lead.recording && selectedId && lead.id !== selectedId) get().open(selectedId);
    },
    close: () => set({ lead: null }),
    toggleToday: () => set({ today: !get().today }),
  }));
}

export type DrawerStore = ReturnType<typeof createDrawerStore>;
