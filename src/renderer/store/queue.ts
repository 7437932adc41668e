import { createStore } from 'zustand/vanilla';
import type { Lead, Stage, StageCounts } from '../../shared/domain';
import type { ApiError } from '../../shared/errors';
import { ApiCallError, type Client } from '../api/client';

export const PAGE_SIZE = 50;

export interface QueueState {
  stage: Stage;
  items: Lead[];
  counts: StageCounts;
  nextCursor: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ApiError | null;
  setStage(stage: Stage): Promise<void>;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiCallError) return err.error;
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

/** The lead queue: one tab at a time, fetched a page at a time, never the whole table. */
export function createQueueStore(client: Client) {
  // Each load gets a number so a slow answer for an old tab never overwrites a newer one.
  let generation = 0;
  return createStore<QueueState>()((set, get) => {
    async function load(append: boolean) {
      const mine = ++generation;
      const { stage, nextCursor } = get();
      set({ status: 'loading', error: null });
      try {
        const page = await client.call('leads.list', {
          stage,
          limit: PAGE_SIZE,
          cursor: append ? nextCursor : null,
        });
        if (mine !== generation) return;
        set({
          items: append ? [...get().items, ...page.items] : page.items,
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
      items: [],
      counts: { new: 0, contact: 0, order: 0 },
      nextCursor: null,
      status: 'idle',
      error: null,
      async setStage(stage) {
        set({ stage, items: [], nextCursor: null });
        await load(false);
      },
      reload: () => load(false),
      async loadMore() {
        if (get().nextCursor && get().status !== 'loading') await load(true);
      },
    };
  });
}

export type QueueStore = ReturnType<typeof createQueueStore>;
