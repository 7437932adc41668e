import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  startPostgresCluster,
  waitForExit,
  type PostgresCluster,
} from '../../src/server/embedded/postgresCluster';
import { startTeamServer, type TeamServer } from '../../src/server/teamServer';
import {
  createTeamClient,
  fetchTransport,
  TeamServerError,
  type TeamClient,
} from '../../src/shared/team/client';
import { leadRow } from '../helpers/syncRows';

/** Resolves with the next message on the socket, or rejects after `ms`. */
function nextMessage(ws: WebSocket, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.off('message', on);
      reject(new Error(`no message within ${ms} ms`));
    }, ms);
    const on = (data: WebSocket.RawData) => {
      clearTimeout(timer);
      ws.off('message', on);
      resolve(data.toString());
    };
    ws.on('message', on);
  });
}

describe('PostgreSQL restarted under a running team server', () => {
  let dir: string;
  let cluster: PostgresCluster;
  let server: TeamServer;
  let admin: TeamClient;
  let agent: TeamClient;
  let agentToken: string;
  let batch = 0;

  beforeAll(async () => {
    // A cluster of its own: this test kills it.
    dir = mkdtempSync(join(tmpdir(), 'leadphone-pg-restart-'));
    cluster = await startPostgresCluster({ dir });
    server = await startTeamServer({ databaseUrl: cluster.url, port: 0 });
    const transport = fetchTransport(server.url, 5000);
    const first = await createTeamClient(transport).enrol({
      code: server.bootstrap!.shown,
      device: { name: 'Admin' },
      agent: { id: 'admin', name: 'Admin', code: 'AD' },
    });
    admin = createTeamClient(transport, first.token);
    const issued = await admin.issueCode({ name: 'Agent', code: 'NV1', role: 'agent' });
    const enrolled = await createTeamClient(transport).enrol({
      code: issued.code,
      device: { name: 'PC' },
      agent: { id: 'nv1', name: 'Agent', code: 'NV1' },
    });
    agentToken = enrolled.token;
    agent = createTeamClient(transport, agentToken);
  });
  afterAll(async () => {
    await server.close();
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says the database is unavailable while it is down, and serves and nudges again once it is back', async () => {
    // A supervisor's socket: it is nudged by every change.
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/v1/live`, {
      headers: { authorization: `Bearer ${await adminToken()}` },
    });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const nudged = nextMessage(ws, 5000);
    await agent.push({ batch: ++batch, records: [{ t: 'leads', row: leadRow() }] });
    expect(JSON.parse(await nudged)).toEqual({ type: 'nudge' });

    const postmaster = cluster.pid;
    process.kill(postmaster, 'SIGKILL');
    await waitForExit(postmaster);
    // A backend the pool already holds may still answer a request or two before it notices
    // its postmaster is gone; pushes go on until the first one meets the dead database.
    let down: unknown = null;
    for (let i = 0; i < 100 && !(down instanceof TeamServerError); i++) {
      down = await agent.push({ batch: ++batch, records: [{ t: 'leads', row: leadRow() }] }).then(
        () => null,
        (e: unknown) => e,
      );
      if (!(down instanceof TeamServerError)) await new Promise((r) => setTimeout(r, 50));
    }
    expect(down).toBeInstanceOf(TeamServerError);
    expect((down as TeamServerError).code).toBe('unavailable');
    expect((down as TeamServerError).status).toBe(503);

    await cluster.start();
    // The pool and the LISTEN connection come back by themselves: the first push after the
    // restart goes through (bounded retries while PostgreSQL finishes its recovery).
    const after = leadRow();
    let pushed = false;
    for (let i = 0; i < 50 && !pushed; i++) {
      try {
        await agent.push({ batch: ++batch, records: [{ t: 'leads', row: after }] });
        pushed = true;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    expect(pushed).toBe(true);
    // The socket never dropped; the listener re-subscribed and announces changes again.
    expect(ws.readyState).toBe(WebSocket.OPEN);
    let gotNudge = false;
    for (let i = 0; i < 20 && !gotNudge; i++) {
      const next = nextMessage(ws, 500).then(
        () => true,
        () => false,
      );
      await agent.push({ batch: ++batch, records: [{ t: 'leads', row: leadRow() }] });
      gotNudge = await next;
    }
    expect(gotNudge).toBe(true);
    ws.close();
  });

  // The admin's own token: issue a supervisor-capable device for the socket.
  let supervisorToken: string | null = null;
  async function adminToken(): Promise<string> {
    if (supervisorToken) return supervisorToken;
    const issued = await admin.issueCode({ name: 'GS', code: 'GS1', role: 'supervisor' });
    const r = await createTeamClient(fetchTransport(server.url)).enrol({
      code: issued.code,
      device: { name: 'GS PC' },
      agent: { id: 'gs1', name: 'GS', code: 'GS1' },
    });
    supervisorToken = r.token;
    return r.token;
  }
});
