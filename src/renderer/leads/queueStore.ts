import { createStore } from 'zustand/vanilla';
import type { Lead, Stage, StageCounts } from '../../shared/domain';
import type { ApiError } from '../../shared/errors';
import type { Client } from '../api/client';
import { toApiError } from '../ui/apiError';

export const PAGE_SIZE = 50;
/** The most rows a reload reads again at once (the contract's largest page). */
const MAX_RELOAD = 200;

export interface QueueFilter {
  /** A customer status code, '' for leads with none, null for all. */
  customerStatus: string | null;
  source: string;
  hideNoAction: boolean;
}

export const noFilter: QueueFilter = { customerStatus: null, source: '', hideNoAction: false };

export interface QueueState {
  stage: Stage;
  filter: QueueFilter;
  /** The lead the keyboard is on. */
  selectedId: string | null;
  items: Lead[];
  counts: StageCounts;
  nextCursor: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ApiError | null;
  setStage(stage: Stage): Promise<void>;
  setFilter(filter: Partial<QueueFilter>): Promise<void>;
  select(id: string | null): void;
  /** Moves the keyboard selection by `delta` rows. */
  moveSelection(delta: number): void;
  /** Reads the rows shown again (as many as were loaded, up to 200), keeping the agent's place. */
  reload(): Promise<void>;
  loadMore(): Promise<void>;
}

/**
 * How many rows a reload reads: one page while one is shown, else what is shown and a page more,
 * so leads arriving on top do not push the agent's row out of the list.
 */
function againLimit(shown: number): number {
  return shown <= PAGE_SIZE ? PAGE_SIZE : Math.min(MAX_RELOAD, shown + PAGE_SIZE);
}

/** The lead queue: one tab at a time, fetched a page at a time, never the whole table. */
export function createQueueStore(client: Client) {
  // Each load gets a number so a slow answer for an old tab never overwrites a newer one.
  let generation = 0;
  return createStore<QueueState>()((set, get) => {
    /**
     * `first`: the tab's first page; `more`: the next page after those shown; `again`: what is
     * shown, read again (a change arrived: the team's pull, a save), so an agent down the list
     * is not thrown back to its top.
     */
    async function load(mode: 'first' | 'more' | 'again') {
      const mine = ++generation;
      const { stage, nextCursor, filter } = get();
      const append = mode === 'more';
      set({ status: 'loading', error: null });
      try {
        const page = await client.call('leads.list', {
          stage,
          limit: mode === 'again' ? againLimit(get().items.length) : PAGE_SIZE,
          cursor: append ? nextCursor : null,
          customerStatus: filter.customerStatus,
          source: filter.source.trim() || null,
          hideNoAction: filter.hideNoAction,
        });
        if (mine !== generation) return;
        const items = append ? [...get().items, ...page.items] : page.items;
        const selectedId = get().selectedId;
        set({
          selectedId: items.some((l) => l.id === selectedId) ? selectedId : (items[0]?.id ?? null),
          items,
          nextCursor: page.nextCursor,
          counts: page.counts,
          status: 'ready',
        });
      } catch (err) {
        if (mine === generation) set({ status: 'error', error: toApiError(err) });
      }
    }
    return {
      stage: 'new',
      filter: noFilter,
      selectedId: null,
      items: [],
      counts: { new: 0, contact: 0, order: 0 },
      nextCursor: null,
      status: 'idle',
      error: null,
      async setStage(stage) {
        set({ stage, items: [], nextCursor: null });
        await load('first');
      },
      async setFilter(filter) {
        set({ filter: { ...get().filter, ...filter }, nextCursor: null });
        await load('first');
      },
      select(id) {
        set({ selectedId: id });
      },
      moveSelection(delta) {
        const { items, selectedId } = get();
        if (items.length === 0) return;
        const at = items.findIndex((l) => l.id === selectedId);
        const next = Math.max(0, Math.min(items.length - 1, (at < 0 ? 0 : at) + delta));
        set({ selectedId: items[next]!.id });
      },
      reload: () => load('again'),
      async loadMore() {
        if (get().nextCursor && get().status !== 'loading') await load('more');
      },
    };
  });
}

export type QueueStore = ReturnType<typeof createQueueStore>;
