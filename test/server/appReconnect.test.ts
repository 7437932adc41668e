import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startPostgresCluster,
  type PostgresCluster,
} from '../../src/server/embedded/postgresCluster';
import { startTeamServer, type TeamServer } from '../../src/server/teamServer';
import { keyFileSecrets } from '../../src/main/core/infra/secrets';
import { createTeamSync, type TeamSync } from '../../src/main/core/team/teamSync';
import { createTeamClient, fetchTransport } from '../../src/shared/team/client';
import type { TeamStatus } from '../../src/shared/team/status';
import { setTestAgent } from '../helpers/agent';
import { tempCore, type TempCore } from '../helpers/tempCore';

const quiet = { info() {}, warn() {}, error() {} };

/** Resolves once `check` holds, polling every 100 ms; fails after `ms`. */
async function eventually(check: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('an app linked to a team server whose PostgreSQL restarts', () => {
  let dir: string;
  let cluster: PostgresCluster;
  let server: TeamServer;
  let t: TempCore;
  let sync: TeamSync;
  const statuses: TeamStatus[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leadphone-app-reconnect-'));
    cluster = await startPostgresCluster({ dir });
    server = await startTeamServer({ databaseUrl: cluster.url, port: 0 });
    const admin = await createTeamClient(fetchTransport(server.url)).enrol({
      code: server.bootstrap!.shown,
      device: { name: 'Admin' },
      agent: { id: 'admin', name: 'Admin', code: 'AD' },
    });
    const code = await createTeamClient(fetchTransport(server.url), admin.token).issueCode({
      name: 'Nguyễn An',
      code: 'NV01',
      role: 'agent',
    });
    t = tempCore({ role: 'agent' });
    setTestAgent(t.core.db, { name: 'Nguyễn An', code: 'NV01' });
    sync = createTeamSync({
      db: t.core.db,
      secrets: keyFileSecrets(join(t.dir, 'secret.key')),
      clock: t.clock,
      log: quiet,
      onLeadsChanged: () => {},
      onStatus: (s) => statuses.push(s),
    });
    await sync.connect({ serverUrl: server.url, code: code.code });
  });
  afterAll(async () => {
    await sync.close();
    t.dispose();
    await server.close();
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('goes offline with its work kept, and comes back online by itself once the database is back', async () => {
    expect(sync.status().state).toBe('online');
    process.kill(cluster.pid, 'SIGKILL');
    const lead = await t.core.dispatch('leads.add', {
      name: 'Khách ngoại tuyến',
      phone: '0912000999',
    });
    expect(lead.ok).toBe(true);
    const off = await sync.syncNow();
    expect(off.state).toBe('offline');
    expect(off.pending).toBe(1);
    await cluster.start();
    // No call from here on: the app's own retries find the server serving again.
    await eventually(
      () => sync.status().state === 'online' && sync.status().pending === 0,
      40_000,
      'back online',
    );
    expect(statuses.some((s) => s.state === 'offline')).toBe(true);
  }, 60_000);
});
