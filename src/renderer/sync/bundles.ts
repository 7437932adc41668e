import type { TFunction } from 'i18next';
import { bundleTables, type BundleSummary, type BundleTable } from '../../shared/syncApi';
import type { Client } from '../api/client';
import { uploadFile } from '../api/uploadFile';
import type { Action } from '../ui/useAction';

/** The sync screen's actions, one at a time; each refreshes the screen once it went through. */
export type SyncActionName = 'load' | 'export' | 'receive' | 'import' | 'assign';

export interface SyncForm {
  action: Action<SyncActionName>;
  /** Runs one of the screen's actions, then reads the agent and the sync status again. */
  run(name: SyncActionName, work: () => Promise<void>): Promise<boolean>;
}

/** Counted with their orders, or not work at all (the catalogue a bundle carries along). */
const unshown = new Set<BundleTable>(['agents', 'statuses', 'order_items']);

/** The tables a person cares about, in the order a bundle holds them. */
export const shownTables = bundleTables.filter((table) => !unshown.has(table));

/** What a bundle carries, table by table, in words ("Khách hàng: 3 · Cuộc gọi: 5"). */
export function countsText(t: TFunction, counts: Record<string, number>): string {
  return (
    shownTables
      .filter((k) => (counts[k] ?? 0) > 0)
      .map((k) => `${t(`sync.table.${k}`)}: ${counts[k]}`)
      .join(' · ') || t('sync.nothing')
  );
}

/** The folder main wrote a bundle to (its path without the file name). */
export const folderOf = (b: BundleSummary) =>
  b.path.slice(0, b.path.length - b.fileName.length - 1);

/** An empty name lets main make one (agent code, date, kind). */
export const namedFile = (name: string) => (name.trim() === '' ? {} : { fileName: name.trim() });

/** Uploads every file, or none: a failure cancels the uploads already made. */
export async function uploadAll(client: Client, files: File[]): Promise<string[]> {
  const ids: string[] = [];
  try {
    for (const f of files) ids.push(await uploadFile(client, f));
  } catch (err) {
    await Promise.all(
      ids.map((uploadId) => client.call('imports.cancel', { uploadId }).catch(() => undefined)),
    );
    throw err;
  }
  return ids;
}
