import { copyFileSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createClient, ApiCallError, type Client } from '../../../src/renderer/api/client';
import { uploadFile } from '../../../src/renderer/api/uploadFile';
import type { BundleSummary, LeadSelection, SigningKeyView } from '../../../src/shared/api/sync';
import type { ApiError } from '../../../src/shared/errors';
import type { OrderDraft } from '../../../src/shared/orders';
import type { Role } from '../../../src/shared/roles';
import type { Db } from '../../../src/main/core/db/open';
import { TEST_PIN } from '../../helpers/access';
import { fakeClock, T0 } from '../../helpers/fakeClock';
import { tempCore, type TempCore } from '../../helpers/tempCore';
import { tempDir } from '../../helpers/tempDir';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/**
 * One LeadPhone install: a core on its own temp SQLite file, its own fake clock, a client.
 * An agent's desk unless told otherwise (the role decides which sync methods it may call).
 */
export interface Install {
  t: TempCore;
  client: Client;
  call: Client['call'];
  db: Db;
}

export function install(options: { start?: number; dir?: string; role?: Role } = {}): Install {
  const t = tempCore({
    clock: fakeClock(options.start ?? T0),
    dir: options.dir,
    role: options.role ?? 'agent',
  });
  const client = createClient({
    invoke: (method, input) => t.core.dispatch(method, input),
    on: (listener) => t.core.onEvent(listener),
  });
  return { t, client, call: client.call.bind(client), db: t.core.db };
}

/** A fresh install whose database is a copy of a closed one's (a supervisor's starting point). */
export function copyOf(dbPath: string): Install {
  const dir = tempDir();
  copyFileSync(dbPath, join(dir.path, 'leadphone.db'));
  const i = install({ dir: dir.path, role: 'supervisor' });
  const dispose = i.t.dispose;
  i.t.dispose = () => {
    dispose();
    dir.remove();
  };
  return i;
}

/*
 * Bundles travel the way they do in the app: written by main into its bundles folder, handed
 * on as files (copied here to `to`, since an install's folder goes when it is disposed), and
 * uploaded in chunks to the install that imports them. No call names a path.
 */

/** The agent's work as a bundle, copied to `to`. */
export async function exportWork(
  i: Install,
  since: 'last' | 'all',
  to: string,
): Promise<BundleSummary> {
  const summary = await i.call('sync.exportBundle', { since });
  copyFileSync(summary.path, to);
  return summary;
}

/** A supervisor's lead list for one agent, copied to `to`. */
export async function assignLeads(
  i: Install,
  input: { filter: Partial<LeadSelection>; agentCode: string },
  to: string,
): Promise<BundleSummary> {
  const summary = await i.call('sync.assignLeads', input);
  copyFileSync(summary.path, to);
  return summary;
}

/** Uploads a file as the renderer does (`imports.begin`, chunks) and returns the upload id. */
export function upload(i: Install, path: string, name = basename(path)): Promise<string> {
  return uploadFile(i.client, new File([readFileSync(path)], name));
}

export async function importBundles(i: Install, paths: string[]) {
  const uploadIds: string[] = [];
  for (const p of paths) uploadIds.push(await upload(i, p));
  return i.call('sync.importBundles', { uploadIds });
}

/** The supervisor's key for assignments, as its sync screen shows it. */
export function signingKey(supervisor: Install): Promise<SigningKeyView> {
  return supervisor.call('sync.signingKey', {});
}

/**
 * What an admin does once at an agent's desk: unlock with the PIN, trust the supervisor's key
 * (after comparing its fingerprint), lock again. The agent's connection is an agent's after.
 */
export async function trustKey(agent: Install, key: SigningKeyView, label = 'Giám sát') {
  await agent.call('auth.unlock', { pin: TEST_PIN });
  try {
    return await agent.call('sync.trustKey', { publicKey: key.publicKey, label });
  } finally {
    await agent.call('auth.lock', {});
  }
}

export async function importAssignment(i: Install, path: string) {
  return i.call('sync.importAssignment', { uploadId: await upload(i, path) });
}

export async function errorOf(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiCallError) return err.error;
    throw err;
  }
  throw new Error('expected the call to fail');
}

export const customer = (name: string) => ({
  name,
  phone2: '',
  gender: 'female' as const,
  birthYear: 1990,
  province: 'Hà Nội',
  district: 'Đống Đa',
  address: '25 Tây Sơn',
});

export const order: OrderDraft = {
  items: [
    { productId: null, productName: 'Liệu trình 1 tháng', quantity: 2, unitPrice: 450_000 },
    { productId: null, productName: 'Kem dưỡng ẩm', quantity: 1, unitPrice: 350_000 },
  ],
  deliveryAddress: '25 Tây Sơn, Đống Đa, Hà Nội',
  payment: 'pending',
  note: 'giao buổi sáng',
};

/** Every row of every table (the search index's internals aside), in an order-free form. */
export function canonicalDump(db: Db): Record<string, string[]> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE 'lead_search%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    out[t] = (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r));
    out[t].sort();
  }
  return out;
}

export function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) =>
    permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]),
  );
}
