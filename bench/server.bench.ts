import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { freeLoopbackPort, startPostgresCluster } from '../src/server/embedded/postgresCluster';
import { createTeamClient, fetchTransport, type TeamClient } from '../src/shared/team/client';
import type { SyncRecord } from '../src/shared/team/protocol';
import { buildServerBundle, startServerProcess } from '../test/helpers/serverProcess';
import { dispositionRow, leadRow } from '../test/helpers/syncRows';
import { percentile, round, type Bench, type BenchResult } from './types';

const AGENTS = 200;
const SUPERVISORS = 3;
const LEADS = 10_000;
const PUSH_EVERY_MS = 5_000;
const LOAD_MS = 60_000;
const OFFLINE_CHANGES = 10_000;

const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** CPU seconds used so far by a process (user + system). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}

/** CPU seconds of a PostgreSQL cluster: the postmaster and every backend it started. */
function clusterCpuSeconds(postmaster: number): number {
  let total = cpuSeconds(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(fields[1]) === postmaster)
        total += (Number(fields[11]) + Number(fields[12])) / ticks;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface SimAgent {
  client: TeamClient;
  agentId: string;
  token: string;
  leads: string[];
  batch: number;
}

/**
 * 200 simulated agents against one server process and one PostgreSQL on this machine: each
 * pushes an outcome every 5 s (a lead update and a disposition) and keeps a socket; three
 * supervisors pull on every nudge. Baselines in the same run: a bare `SELECT 1` round trip to
 * PostgreSQL and a bare GET /v1/health, so a reader can tell the code from the machine.
 */
export const serverBench: Bench = {
  name: 'team server',
  async run(): Promise<BenchResult[]> {
    const dir = mkdtempSync(join(tmpdir(), 'leadphone-bench-server-'));
    // The folder itself is the cluster's (as root it is opened to the postgres user).
    const cluster = await startPostgresCluster({ dir });
    const bundle = buildServerBundle();
    const port = await freeLoopbackPort();
    const server = await startServerProcess(bundle, cluster.url, port);
    const sockets: WebSocket[] = [];
    let stopPulls = false;
    try {
      const transport = fetchTransport(server.url, 30_000);
      const anon = createTeamClient(transport);
      const code = /\n\s+([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\n/.exec(server.output())![1]!;
      const first = await anon.enrol({
        code,
        device: { name: 'bench admin' },
        agent: { id: 'bench-admin', name: 'Admin', code: 'AD' },
      });
      const admin = createTeamClient(transport, first.token);
      const join1 = async (i: number, role: 'agent' | 'supervisor'): Promise<SimAgent> => {
        const c = role === 'agent' ? `NV${i}` : `GS${i}`;
        const issued = await admin.issueCode({ name: c, code: c, role });
        const r = await anon.enrol({
          code: issued.code,
          device: { name: c },
          agent: { id: `bench-${c}`, name: c, code: c },
        });
        return {
          client: createTeamClient(transport, r.token),
          agentId: r.agent.id,
          token: r.token,
          leads: [],
          batch: 0,
        };
      };
      const agents: SimAgent[] = [];
      for (let i = 0; i < AGENTS; i++) agents.push(await join1(i, 'agent'));
      const supervisors: SimAgent[] = [];
      for (let i = 0; i < SUPERVISORS; i++) supervisors.push(await join1(i, 'supervisor'));

      // The team's pool: 10,000 new leads, pushed by the admin; then handed out round-robin.
      const pool = Array.from({ length: LEADS }, () => leadRow({ source: 'Bench' }));
      let adminBatch = 0;
      for (let i = 0; i < pool.length; i += 500) {
        await admin.push({
          batch: ++adminBatch,
          records: pool.slice(i, i + 500).map((row) => ({ t: 'leads' as const, row })),
        });
      }
      const tAssign = performance.now();
      await admin.assign({
        pick: {
          stage: null,
          source: 'Bench',
          customerStatus: null,
          unassignedOnly: true,
          fromAgentId: null,
          limit: LEADS,
        },
        toAgentIds: agents.map((a) => a.agentId),
      });
      const assignS = (performance.now() - tAssign) / 1000;
      const rows = new Map(pool.map((l) => [String(l.id), l]));
      for (const [i, l] of pool.entries()) agents[i % AGENTS]!.leads.push(String(l.id));

      // Supervisors: a socket each, a pull on every nudge (one at a time, coalesced).
      const seenAt = new Map<string, number>();
      const pullErrors: unknown[] = [];
      const cursors = supervisors.map(() => 0);
      const base = await supervisors[0]!.client.pull({ cursor: 0, limit: 2000 });
      let baseCursor = base.cursor;
      for (let more = base.more; more;) {
        const p = await supervisors[0]!.client.pull({ cursor: baseCursor, limit: 2000 });
        baseCursor = p.cursor;
        more = p.more;
      }
      cursors.fill(baseCursor);
      const pullers = supervisors.map((s, i) => {
        let busy = false;
        let dirty = false;
        const pull = async () => {
          if (stopPulls) return;
          if (busy) {
            dirty = true;
            return;
          }
          busy = true;
          do {
            dirty = false;
            let more = true;
            while (more) {
              const page = await s.client.pull({ cursor: cursors[i]!, limit: 2000 });
              const at = performance.now();
              for (const r of page.records) {
                if (r.t === 'dispositions' && i === 0 && !seenAt.has(String(r.row.id))) {
                  seenAt.set(String(r.row.id), at);
                }
              }
              cursors[i] = page.cursor;
              more = page.more;
            }
          } while (dirty);
          busy = false;
        };
        return pull;
      });
      for (const [i, s] of supervisors.entries()) {
        const ws = new WebSocket(`${server.url.replace('http', 'ws')}/v1/live`, {
          headers: { authorization: `Bearer ${s.token}` },
        });
        // A pull still running when the server stops at the end fails: that is not the load's.
        ws.on('message', () =>
          pullers[i]!().catch((err: unknown) => {
            if (!stopPulls) pullErrors.push(err);
          }),
        );
        sockets.push(ws);
      }
      for (const a of agents) {
        const ws = new WebSocket(`${server.url.replace('http', 'ws')}/v1/live`, {
          headers: { authorization: `Bearer ${a.token}` },
        });
        ws.on('message', () => undefined);
        sockets.push(ws);
      }
      await Promise.all(sockets.map((ws) => new Promise((r) => ws.once('open', r))));

      // The load: every agent records an outcome every 5 s, spread over the 5 s.
      const pushMs: number[] = [];
      const ackedAt = new Map<string, number>();
      const raw = new pg.Client({ connectionString: cluster.url });
      await raw.connect();
      const selectMs: number[] = [];
      const healthMs: number[] = [];
      const serverCpu0 = cpuSeconds(server.pid);
      const pgCpu0 = clusterCpuSeconds(cluster.pid);
      const t0 = performance.now();
      let stop = false;
      const agentLoop = async (a: SimAgent, offset: number) => {
        await sleep(offset);
        let k = 0;
        while (!stop) {
          const started = performance.now();
          const leadId = a.leads[k++ % a.leads.length]!;
          const lead = rows.get(leadId)!;
          const updated = {
            ...lead,
            last_outcome: 'new.not_interested',
            next_action: 'none',
            updated_at: Number(lead.updated_at) + k,
          };
          rows.set(leadId, updated);
          const d = dispositionRow(leadId, a.agentId);
          const records: SyncRecord[] = [
            { t: 'leads', row: updated },
            { t: 'dispositions', row: d },
          ];
          await a.client.push({ batch: ++a.batch, records });
          const done = performance.now();
          pushMs.push(done - started);
          // From the moment the agent saved (before the push left), an upper bound on
          // commit → nudge → pull.
          ackedAt.set(String(d.id), started);
          await sleep(Math.max(0, PUSH_EVERY_MS - (performance.now() - started)));
        }
      };
      const baselineLoop = async () => {
        while (!stop) {
          let t = performance.now();
          await raw.query('SELECT 1');
          selectMs.push(performance.now() - t);
          t = performance.now();
          await anon.health();
          healthMs.push(performance.now() - t);
          await sleep(100);
        }
      };
      const loops = [
        ...agents.map((a, i) => agentLoop(a, (i * PUSH_EVERY_MS) / AGENTS)),
        baselineLoop(),
      ];
      await sleep(LOAD_MS);
      stop = true;
      await Promise.all(loops);
      const wall = (performance.now() - t0) / 1000;
      const serverCpuPct = ((cpuSeconds(server.pid) - serverCpu0) / wall) * 100;
      const pgCpuPct = ((clusterCpuSeconds(cluster.pid) - pgCpu0) / wall) * 100;
      // Let the last nudges land.
      await sleep(2000);
      const lag = [...ackedAt]
        .filter(([id]) => seenAt.has(id))
        .map(([id, at]) => seenAt.get(id)! - at);
      const missed = ackedAt.size - lag.length;
      await raw.end();

      // One agent back from a long time offline: 10,000 changes in batches of 500.
      const offline = agents[0]!;
      const changes: SyncRecord[] = [];
      for (let i = 0; changes.length < OFFLINE_CHANGES; i++) {
        const leadId = offline.leads[i % offline.leads.length]!;
        changes.push({ t: 'dispositions', row: dispositionRow(leadId, offline.agentId) });
      }
      const tFlush = performance.now();
      for (let i = 0; i < changes.length; i += 500) {
        await offline.client.push({ batch: ++offline.batch, records: changes.slice(i, i + 500) });
      }
      const flushS = (performance.now() - tFlush) / 1000;
      stopPulls = true;
      if (pullErrors.length > 0)
        throw new Error(`supervisors' pulls failed: ${String(pullErrors[0])}`);

      console.log(
        `  ${pushMs.length} pushes in ${round(wall, 1)} s; nudge→pulled measured for ${lag.length} (${missed} not seen)`,
      );
      return [
        {
          name: 'server.push.p99_ms',
          value: round(percentile(pushMs, 99), 1),
          unit: 'ms',
          goal: `under 50 (p50 ${round(percentile(pushMs, 50), 1)}; same run: SELECT 1 p99 ${round(percentile(selectMs, 99), 1)}, GET /v1/health p99 ${round(percentile(healthMs, 99), 1)})`,
        },
        {
          name: 'server.nudge_to_pulled.p99_ms',
          value: round(percentile(lag, 99), 1),
          unit: 'ms',
          goal: `under 1000, from the push leaving the agent to a supervisor's pull holding it (p50 ${round(percentile(lag, 50), 1)}; ${missed} of ${ackedAt.size} not seen)`,
        },
        {
          name: 'server.flush_10k_offline_changes_s',
          value: round(flushS, 2),
          unit: 's',
          goal: 'under 10',
        },
        {
          name: 'server.assign_10k_leads_s',
          value: round(assignS, 2),
          unit: 's',
          goal: 'under 5 (round-robin over 200 agents)',
        },
        {
          name: 'server.cpu_pct_200_agents',
          value: round(serverCpuPct, 1),
          unit: '% of a core',
          goal: `informational (PostgreSQL: ${round(pgCpuPct, 1)} %)`,
        },
      ];
    } finally {
      stopPulls = true;
      for (const ws of sockets) ws.terminate();
      await server.kill('SIGTERM');
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
