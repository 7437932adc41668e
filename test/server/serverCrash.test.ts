import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../../src/server/embedded/postgresCluster';
import {
  createTeamClient,
  fetchTransport,
  TeamServerError,
  type TeamClient,
} from '../../src/shared/team/client';
import type { PushRequest } from '../../src/shared/team/protocol';
import { freshDatabase, type TestDatabase } from '../helpers/postgres';
import {
  buildServerBundle,
  startServerProcess,
  type ServerProcess,
} from '../helpers/serverProcess';
import { dispositionRow, leadRow } from '../helpers/syncRows';

const PUSHERS = 4;
const KILLS = 3;

describe('the team server killed with SIGKILL in the middle of pushes', () => {
  let database: TestDatabase;
  let bundle: string;
  let port: number;
  let server: ServerProcess;
  let sql: pg.Client;

  beforeAll(async () => {
    database = await freshDatabase();
    bundle = buildServerBundle();
    port = await freeLoopbackPort();
    server = await startServerProcess(bundle, database.url, port);
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
  });
  afterAll(async () => {
    await server.kill('SIGTERM');
    await sql.end();
    await database.drop();
  });

  it('keeps every acknowledged batch exactly once, and a resent one is never applied twice', async () => {
    const code = /\n\s+([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\n/.exec(server.output())![1]!;
    const transport = fetchTransport(server.url, 5000);
    const first = await createTeamClient(transport).enrol({
      code,
      device: { name: 'Admin' },
      agent: { id: 'admin-1', name: 'Admin', code: 'AD01' },
    });
    const admin = createTeamClient(transport, first.token);
    const agents: { client: TeamClient; agentId: string }[] = [];
    for (let i = 0; i < PUSHERS; i++) {
      const issued = await admin.issueCode({ name: `NV ${i}`, code: `NV${i}`, role: 'agent' });
      const r = await createTeamClient(transport).enrol({
        code: issued.code,
        device: { name: `PC ${i}` },
        agent: { id: `agent-${i}`, name: `NV ${i}`, code: `NV${i}` },
      });
      agents.push({ client: createTeamClient(transport, r.token), agentId: r.agent.id });
    }

    // Each pusher sends batch after batch; a batch the server did not answer is kept, to be
    // sent again unchanged after the restart, as the app's outbox does.
    const sent = agents.map(() => [] as PushRequest[]);
    const acknowledged = agents.map(() => new Set<number>());
    const pending: (PushRequest | null)[] = agents.map(() => null);
    const makeBatch = (i: number, n: number): PushRequest => {
      const records: PushRequest['records'] = [];
      for (let k = 0; k < 3; k++) {
        const lead = leadRow({ next_action: 'none', last_outcome: 'new.not_interested' });
        records.push({ t: 'leads', row: lead });
        records.push({
          t: 'dispositions',
          row: dispositionRow(String(lead.id), agents[i]!.agentId),
        });
      }
      return { batch: n, records };
    };
    let running = true;
    const numbers = agents.map(() => 0);
    const pushLoop = async (i: number) => {
      while (running) {
        const req = pending[i] ?? makeBatch(i, ++numbers[i]!);
        if (!pending[i]) sent[i]!.push(req);
        try {
          await agents[i]!.client.push(req);
          acknowledged[i]!.add(req.batch);
          pending[i] = null;
        } catch (err) {
          expect(err).toBeInstanceOf(TeamServerError);
          pending[i] = req;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };

    for (let kill = 0; kill < KILLS; kill++) {
      running = true;
      const loops = agents.map((_, i) => pushLoop(i));
      // Kill once some batches went through, wherever the pushes are at that moment.
      const before = acknowledged.reduce((s, a) => s + a.size, 0);
      while (acknowledged.reduce((s, a) => s + a.size, 0) < before + 20) {
        await new Promise((r) => setTimeout(r, 5));
      }
      await server.kill('SIGKILL');
      await new Promise((r) => setTimeout(r, 100));
      running = false;
      await Promise.all(loops);
      server = await startServerProcess(bundle, database.url, port);
    }
    // Whatever was in flight at the last kill is sent again now.
    for (const [i, req] of pending.entries()) {
      if (!req) continue;
      const r = await agents[i]!.client.push(req);
      acknowledged[i]!.add(req.batch);
      expect(r.refused).toEqual([]);
    }

    const allSent = sent.flat();
    const unanswered = sent.map((list, i) => list.filter((b) => !acknowledged[i]!.has(b.batch)));
    expect(unanswered.flat()).toEqual([]);
    const leadIds = allSent.flatMap((b) =>
      b.records.filter((r) => r.t === 'leads').map((r) => r.row.id),
    );
    const dispIds = allSent.flatMap((b) =>
      b.records.filter((r) => r.t === 'dispositions').map((r) => r.row.id),
    );
    const leads = await sql.query('SELECT id FROM leads WHERE id = ANY($1)', [leadIds]);
    const disps = await sql.query('SELECT id FROM dispositions WHERE id = ANY($1)', [dispIds]);
    expect(leads.rowCount).toBe(leadIds.length);
    expect(disps.rowCount).toBe(dispIds.length);
    // One stored answer per batch, and no batch recorded that was not sent.
    const batches = await sql.query('SELECT count(*)::int AS n FROM device_batches');
    expect(batches.rows[0].n).toBe(allSent.length);
    // Sent once more, any acknowledged batch is answered from the record and writes nothing.
    const again = await agents[0]!.client.push(sent[0]![0]!);
    expect(again.replay).toBe(true);
  });
});
