import { createStore } from 'zustand/vanilla';
import type { StatusEntry } from '../../shared/catalogue';
import type { Language, Stage } from '../../shared/domain';
import type { Product } from '../../shared/orders';
import type { Client } from '../api/client';

export interface CatalogueState {
  statuses: StatusEntry[];
  products: Product[];
  load(): Promise<void>;
}

/** The status catalogue and products, reloaded whenever an admin changes them. */
export function createCatalogueStore(client: Client) {
  return createStore<CatalogueState>()((set) => ({
    statuses: [],
    products: [],
    async load() {
      const [statuses, products] = await Promise.all([
        client.call('statuses.list', {}),
        client.call('products.list', { includeInactive: true }),
      ]);
      set({ statuses, products });
    },
  }));
}

/** The outcomes the disposition panel offers for a lead in `stage`, in display order. */
export function outcomesFor(statuses: readonly StatusEntry[], stage: Stage): StatusEntry[] {
  return statuses.filter((s) => s.kind === 'outcome' && s.stage === stage && s.active);
}

export function customerStatuses(
  statuses: readonly StatusEntry[],
  includeRetired = false,
): StatusEntry[] {
  return statuses.filter((s) => s.kind === 'customer' && (includeRetired || s.active));
}

export function statusLabel(
  statuses: readonly StatusEntry[],
  code: string | null,
  language: Language,
): string {
  if (!code) return '';
  const entry = statuses.find((s) => s.code === code);
  return entry ? entryLabel(entry, language) : code;
}

/** A catalogue entry's label in the user's language. */
export function entryLabel(entry: Pick<StatusEntry, 'labelVi' | 'labelEn'>, language: Language) {
  return language === 'vi' ? entry.labelVi : entry.labelEn;
}

export function statusColor(
  statuses: readonly StatusEntry[],
  code: string | null,
): string | undefined {
  return statuses.find((s) => s.code === code)?.color;
}
