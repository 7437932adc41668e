import { createStore } from 'zustand/vanilla';
import type { ReminderView } from '../../shared/reminders';
import type { Client } from '../api/client';

export interface RemindersState {
  /** Due now: one banner each, until the agent acts on it. */
  banners: ReminderView[];
  /** Fell due while the app was closed, shown once as a list. */
  missed: ReminderView[];
  today: ReminderView[];
  overdue: number;
  todayCount: number;
  onDue(reminder: ReminderView): void;
  /** The agent acted on it (call, open): it goes, here and in any window connecting later. */
  dismiss(id: string): void;
  /** The agent opened this lead from a reminder's OS notification: its banners go too. */
  openedLead(leadId: string): void;
  snooze(id: string, minutes: number): Promise<void>;
  loadMissed(): Promise<void>;
  /** Banners for what fired while this window was not connected (or before a reload). */
  loadActive(): Promise<void>;
  acknowledgeMissed(): Promise<void>;
  refresh(): Promise<void>;
}

export function createRemindersStore(client: Client) {
  return createStore<RemindersState>()((set, get) => {
    // Background reads: one that fails (the connection dropped mid-way) keeps what is shown,
    // and `connection.restored` reads everything again.
    const quietly = async (read: () => Promise<void>) => read().catch(() => undefined);
    function forget(id: string) {
      set({
        banners: get().banners.filter((b) => b.id !== id),
        missed: get().missed.filter((m) => m.id !== id),
      });
    }
    return {
      banners: [],
      missed: [],
      today: [],
      overdue: 0,
      todayCount: 0,
      onDue(reminder) {
        set({ banners: [...get().banners.filter((b) => b.id !== reminder.id), reminder] });
        void get().refresh();
      },
      dismiss(id) {
        forget(id);
        void client.call('reminders.acknowledge', { ids: [id] }).catch(() => undefined);
      },
      openedLead(leadId) {
        const state = get();
        for (const r of [...state.banners, ...state.missed]) {
          if (r.leadId === leadId) state.dismiss(r.id);
        }
      },
      async snooze(id, minutes) {
        await client.call('reminders.snooze', { id, minutes });
        // Snoozed, it is pending again and fires anew: nothing to acknowledge.
        forget(id);
        await get().refresh();
      },
      loadActive: () =>
        quietly(async () => {
          const active = await client.call('reminders.active', {});
          const ids = new Set(active.map((r) => r.id));
          set({ banners: [...active, ...get().banners.filter((b) => !ids.has(b.id))] });
        }),
      loadMissed: () =>
        quietly(async () => {
          set({ missed: await client.call('reminders.missed', {}) });
        }),
      async acknowledgeMissed() {
        const ids = get().missed.map((m) => m.id);
        set({ missed: [] });
        if (ids.length) await client.call('reminders.ackMissed', { ids });
      },
      refresh: () =>
        quietly(async () => {
          const list = await client.call('reminders.list', {});
          set({ today: list.items, overdue: list.overdue, todayCount: list.today });
        }),
    };
  });
}

/** "LeadPhone — 2 gọi lại quá hạn": the window title (and so the taskbar) shows what is overdue. */
export function windowTitle(appName: string, overdueText: string | null): string {
  return overdueText ? `${appName} — ${overdueText}` : appName;
}
