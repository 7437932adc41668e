import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startPostgresCluster,
  waitForExit,
  type PostgresCluster,
} from '../../src/server/embedded/postgresCluster';
import { startTeamServer, type TeamServer } from '../../src/server/teamServer';
import { createTeamClient, fetchTransport } from '../../src/shared/team/client';
import type { TeamStatus } from '../../src/shared/team/status';
import { setTestAgent } from '../helpers/agent';
import { tempCore, type TempCore } from '../helpers/tempCore';

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
    // The core's own team sync, with its live socket and its own retries.
    t = tempCore({ role: 'admin' });
    setTestAgent(t.core.db, { name: 'Nguyễn An', code: 'NV01' });
    t.core.onEvent((event, payload) => {
      if (event === 'team.status') statuses.push(payload as TeamStatus);
    });
    const linked = await t.core.dispatch('team.connect', {
      serverUrl: server.url,
      code: code.code,
    });
    expect(linked.ok).toBe(true);
  });
  afterAll(async () => {
    t.dispose();
    await server.close();
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const status = async () => {
    const r = await t.core.dispatch('team.status', {});
    return (r as { ok: true; value: TeamStatus }).value;
  };
  const syncNow = async () => {
    const r = await t.core.dispatch('team.syncNow', {});
    return (r as { ok: true; value: TeamStatus }).value;
  };

  it('goes offline with its work kept, and comes back online by itself once the database is back', async () => {
    expect((await status()).state).toBe('online');
    const postmaster = cluster.pid;
    process.kill(postmaster, 'SIGKILL');
    await waitForExit(postmaster);
    const lead = await t.core.dispatch('leads.add', {
      name: 'Khách ngoại tuyến',
      phone: '0912000999',
    });
    expect(lead.ok).toBe(true);
    // A backend the server's pool holds may answer once more before it notices its postmaster
    // is gone: rounds go on until one meets the dead database.
    let off = await syncNow();
    for (let i = 0; i < 100 && off.state !== 'offline'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      off = await syncNow();
    }
    expect(off.state).toBe('offline');
    expect(off.pending).toBe(1);
    await cluster.start();
    // No call from here on: the app's own retries find the server serving again.
    let back: TeamStatus | null = null;
    await eventually(
      () => {
        void status().then((s) => (back = s));
        return (
          back !== null &&
          (back as TeamStatus).state === 'online' &&
          (back as TeamStatus).pending === 0
        );
      },
      40_000,
      'back online',
    );
    expect(statuses.some((s) => s.state === 'offline')).toBe(true);
  }, 60_000);
});
