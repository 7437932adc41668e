import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTransport, TeamServerError, type TeamTransport } from '../../src/shared/team/client';
import type { AssignRequest, TeamAgent } from '../../src/shared/team/protocol';
import type { TeamStatus } from '../../src/shared/team/status';
import { setTestAgent } from '../helpers/agent';
import { tempCore, type TempCore } from '../helpers/tempCore';
import { startTestTeam, type TestTeam } from '../helpers/teamServer';

const HOUR = 3_600_000;

/** An app install (a real core on its own SQLite file), reaching the team server through its contract. */
interface App {
  t: TempCore;
  sync: AppSync;
  /** Turns the network to the server off and on. */
  online: boolean;
  dispose(): Promise<void>;
}

/** The core's own team sync, driven as the screens drive it. */
interface AppSync {
  connect(input: { serverUrl: string; code: string }): Promise<TeamStatus>;
  syncNow(): Promise<TeamStatus>;
  status(): Promise<TeamStatus>;
  client(): { agents(): Promise<TeamAgent[]>; assign(req: AssignRequest): Promise<unknown> };
}

function appOn(
  agent: { name: string; code: string },
  role: 'agent' | 'supervisor' | 'admin' = 'agent',
): App {
  const app = { online: true } as App;
  const gated = (url: string): TeamTransport => {
    const real = fetchTransport(url, 5000);
    return {
      request: (...args) =>
        app.online
          ? real.request(...args)
          : Promise.reject(new TeamServerError('unreachable', 'offline (test)', 0)),
    };
  };
  const t = tempCore({ role, team: { transport: gated, openSocket: null, pollMs: 3_600_000 } });
  setTestAgent(t.core.db, agent);
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await t.core.dispatch(method, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as T;
  };
  app.t = t;
  app.sync = {
    connect: (input) => call('team.connect', input),
    syncNow: () => call('team.syncNow', {}),
    status: () => call('team.status', {}),
    client: () => ({
      agents: () => call('team.agents', {}),
      assign: (req) => call('team.assign', req),
    }),
  };
  app.dispose = async () => t.dispose();
  return app;
}

describe("the app's side of the team server", () => {
  let team: TestTeam;
  let sql: pg.Client;
  let a: App;
  let b: App;
  let sup: App;

  const codeFor = async (name: string, code: string, role: 'agent' | 'supervisor') =>
    (await team.admin.issueCode({ name, code, role })).code;
  const leadIdsOf = (app: App) =>
    app.t.core.db.prepare('SELECT id FROM leads ORDER BY id').pluck().all() as string[];

  beforeAll(async () => {
    team = await startTestTeam('network');
    sql = new pg.Client({ connectionString: team.database.url });
    await sql.connect();
    // Each install starts as an admin's (the test PIN set); the team decides the roles.
    a = appOn({ name: 'Nguyễn An', code: 'NV01' }, 'admin');
    b = appOn({ name: 'Trần Bình', code: 'NV02' }, 'admin');
    sup = appOn({ name: 'Lê Giám Sát', code: 'GS01' }, 'admin');
    await a.sync.connect({
      serverUrl: team.server.url,
      code: await codeFor('Nguyễn An', 'NV01', 'agent'),
    });
    await b.sync.connect({
      serverUrl: team.server.url,
      code: await codeFor('Trần Bình', 'NV02', 'agent'),
    });
    await sup.sync.connect({
      serverUrl: team.server.url,
      code: await codeFor('Lê Giám Sát', 'GS01', 'supervisor'),
    });
  });
  afterAll(async () => {
    for (const app of [a, b, sup]) await app?.dispose();
    await sql.end();
    await team.stop();
  });

  it('connects with a one-time code: the token is kept encrypted, and the install is the person the server enrolled', async () => {
    const s = await a.sync.status();
    expect(s).toMatchObject({
      linked: true,
      state: 'online',
      role: 'agent',
      pending: 0,
      uploading: false,
    });
    const stored = a.t.core.db.prepare('SELECT token_enc FROM team_link').pluck().get() as Buffer;
    const device = (
      await sql.query(
        "SELECT d.id FROM devices d JOIN agents a ON a.id = d.agent_id WHERE a.code = 'NV01'",
      )
    ).rows[0];
    expect(device).toBeDefined();
    // Not in clear anywhere in the database file.
    expect(stored.toString('latin1')).not.toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.t.core.db.prepare('SELECT s.agent_id FROM agent_self s').pluck().get()).toBe(
      (await sql.query("SELECT id FROM agents WHERE code = 'NV01'")).rows[0].id,
    );
  });

  it("sends a lead and its outcome up, and the supervisor's install gets them; the other agent's does not", async () => {
    const lead = await a.t.core.dispatch('leads.add', {
      name: 'Phạm Khách',
      phone: '0912345001',
      source: 'Facebook',
    });
    expect(lead.ok).toBe(true);
    const leadId = (lead as { ok: true; value: { id: string } }).value.id;
    const saved = await a.t.core.dispatch('dispositions.save', {
      leadId,
      statusCode: 'new.not_reachable',
      callbackAt: a.t.clock.now() + 2 * HOUR,
      consentOutsideHours: true,
    });
    expect(saved.ok).toBe(true);
    expect((await a.sync.status()).pending).toBeGreaterThan(0);
    await a.sync.syncNow();
    expect((await a.sync.status()).pending).toBe(0);
    const onServer = await sql.query(
      'SELECT l.next_action, a.code FROM leads l JOIN agents a ON a.id = l.owner_agent_id WHERE l.id = $1',
      [leadId],
    );
    expect(onServer.rows[0]).toEqual({ next_action: 'callback', code: 'NV01' });
    expect(
      Number(
        (await sql.query('SELECT count(*) FROM dispositions WHERE lead_id = $1', [leadId])).rows[0]
          .count,
      ),
    ).toBe(1);

    await sup.sync.syncNow();
    expect(leadIdsOf(sup)).toContain(leadId);
    expect(
      sup.t.core.db
        .prepare('SELECT count(*) FROM dispositions WHERE lead_id = ?')
        .pluck()
        .get(leadId),
    ).toBe(1);
    // A supervisor is not woken by everyone's callbacks.
    expect(
      sup.t.core.db.prepare("SELECT count(*) FROM reminders WHERE state = 'pending'").pluck().get(),
    ).toBe(0);
    await b.sync.syncNow();
    expect(leadIdsOf(b)).not.toContain(leadId);
    // What came from the team is not sent back as this install's own work.
    expect((await sup.sync.status()).pending).toBe(0);
  });

  it('keeps working offline, says how much waits, and sends 500 outcomes once when the server is back', async () => {
    const leadIds: string[] = [];
    for (let i = 0; i < 50; i++) {
      const r = await a.t.core.dispatch('leads.add', {
        name: `Khách ${i}`,
        phone: `09123460${String(i).padStart(2, '0')}`,
        source: 'Zalo',
      });
      leadIds.push((r as { ok: true; value: { id: string } }).value.id);
    }
    await a.sync.syncNow();
    a.online = false;
    for (let i = 0; i < 500; i++) {
      const r = await a.t.core.dispatch('dispositions.save', {
        leadId: leadIds[i % 50]!,
        statusCode: 'new.not_reachable',
        callbackAt: a.t.clock.now() + HOUR + i * 1000,
        consentOutsideHours: true,
      });
      expect(r.ok).toBe(true);
    }
    const off = await a.sync.syncNow();
    expect(off.state).toBe('offline');
    expect(off.pending).toBeGreaterThanOrEqual(500);
    expect(off.lastError?.code).toBe('unreachable');
    a.online = true;
    const back = await a.sync.syncNow();
    expect(back).toMatchObject({ state: 'online', pending: 0 });
    const r = await sql.query(
      'SELECT count(*)::int AS n, count(DISTINCT id)::int AS d FROM dispositions WHERE lead_id = ANY($1)',
      [leadIds],
    );
    expect(r.rows[0]).toEqual({ n: 500, d: 500 });
    // Sent again (a second round), nothing doubles.
    await a.sync.syncNow();
    expect(
      (
        await sql.query('SELECT count(*)::int AS n FROM dispositions WHERE lead_id = ANY($1)', [
          leadIds,
        ])
      ).rows[0].n,
    ).toBe(500);
  });

  it('hands leads to an agent, and moves them on with their callbacks: they leave one install and reach the other', async () => {
    // The supervisor imports leads on their own install (they go to the team's pool)…
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await sup.t.core.dispatch('leads.add', {
        name: `Pool ${i}`,
        phone: `09877770${String(i).padStart(2, '0')}`,
        source: 'Pool',
      });
      ids.push((r as { ok: true; value: { id: string } }).value.id);
    }
    await sup.sync.syncNow();
    expect(
      Number(
        (
          await sql.query(
            'SELECT count(*) FROM leads WHERE id = ANY($1) AND owner_agent_id IS NULL',
            [ids],
          )
        ).rows[0].count,
      ),
    ).toBe(20);
    // …and hands them to A.
    const agents = await sup.sync.client().agents();
    const idOf = (code: string) => agents.find((x) => x.code === code)!.id;
    await sup.sync.client().assign({ pick: { leadIds: ids }, toAgentIds: [idOf('NV01')] });
    await a.sync.syncNow();
    expect(leadIdsOf(a)).toEqual(expect.arrayContaining(ids));
    // A books a callback on one, then the supervisor moves 10 (that one too) to B.
    const booked = ids[0]!;
    const at = a.t.clock.now() + 5 * HOUR;
    expect(
      (
        await a.t.core.dispatch('dispositions.save', {
          leadId: booked,
          statusCode: 'new.not_reachable',
          callbackAt: at,
          consentOutsideHours: true,
        })
      ).ok,
    ).toBe(true);
    await a.sync.syncNow();
    await sup.sync
      .client()
      .assign({ pick: { leadIds: ids.slice(0, 10) }, toAgentIds: [idOf('NV02')] });
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect(leadIdsOf(a)).not.toContain(booked);
    expect(leadIdsOf(a)).toEqual(expect.arrayContaining(ids.slice(10)));
    expect(leadIdsOf(b)).toEqual(expect.arrayContaining(ids.slice(0, 10)));
    expect(
      b.t.core.db
        .prepare("SELECT due_at FROM reminders WHERE lead_id = ? AND state = 'pending'")
        .pluck()
        .get(booked),
    ).toBe(at);
    expect(
      a.t.core.db.prepare('SELECT count(*) FROM reminders WHERE lead_id = ?').pluck().get(booked),
    ).toBe(0);
    expect(
      b.t.core.db
        .prepare('SELECT count(*) FROM dispositions WHERE lead_id = ?')
        .pluck()
        .get(booked),
    ).toBe(1);
  });

  it("uploads an install's own history once when it joins; what the team has under another owner stays the team's", async () => {
    const c = appOn({ name: 'Võ Cường', code: 'NV03' }, 'admin');
    try {
      // Work made alone, before the team server: 30 leads, an outcome on each.
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) {
        const r = await c.t.core.dispatch('leads.add', {
          name: `Cũ ${i}`,
          phone: `09444440${String(i).padStart(2, '0')}`,
          source: 'Cũ',
        });
        const id = (r as { ok: true; value: { id: string } }).value.id;
        ids.push(id);
        await c.t.core.dispatch('dispositions.save', {
          leadId: id,
          statusCode: 'new.not_interested',
        });
      }
      // One of them the team already has, as A's lead (a list both were given once).
      const shared = c.t.core.db.prepare('SELECT * FROM leads WHERE id = ?').get(ids[0]) as Record<
        string,
        unknown
      >;
      await a.t.core.dispatch('leads.add', {
        name: 'Cũ 0',
        phone: String(shared.phone_as_given),
        source: 'Cũ',
      });
      await a.sync.syncNow();
      const before = (
        await sql.query('SELECT id FROM leads WHERE phone_e164 = $1', [shared.phone_e164])
      ).rows[0].id;

      const s = await c.sync.connect({
        serverUrl: team.server.url,
        code: await codeFor('Võ Cường', 'NV03', 'agent'),
      });
      expect(s).toMatchObject({ state: 'online', uploading: false, pending: 0 });
      const up = await sql.query(
        "SELECT count(*)::int AS n FROM leads l JOIN agents a ON a.id = l.owner_agent_id WHERE a.code = 'NV03'",
      );
      expect(up.rows[0].n).toBe(29);
      const outcomes = await sql.query(
        'SELECT count(*)::int AS n FROM dispositions WHERE lead_id = ANY($1) OR lead_id = $2',
        [ids, before],
      );
      expect(outcomes.rows[0].n).toBe(30);
      // The shared number stays A's lead; C's copy is a duplicate the team already had.
      expect(
        (
          await sql.query(
            'SELECT a.code FROM leads l JOIN agents a ON a.id = l.owner_agent_id WHERE l.id = $1',
            [before],
          )
        ).rows[0].code,
      ).toBe('NV01');
      expect(s.refusals.map((r) => r.reason)).toEqual(['duplicate_number']);
    } finally {
      await c.dispose();
    }
  });

  it('keeps in the change log what the team has not acknowledged, when a work bundle is exported meanwhile', async () => {
    a.online = false;
    const r = await a.t.core.dispatch('leads.add', { name: 'Khách bundle', phone: '0912555111' });
    const id = (r as { ok: true; value: { id: string } }).value.id;
    expect((await a.t.core.dispatch('sync.exportBundle', { since: 'last' })).ok).toBe(true);
    a.online = true;
    await a.sync.syncNow();
    expect(
      (await sql.query('SELECT count(*)::int AS n FROM leads WHERE id = $1', [id])).rows[0].n,
    ).toBe(1);
  });

  it('follows the role the team gives: a supervisor of the team is a supervisor here', async () => {
    expect(sup.t.core.db.prepare('SELECT install_role FROM access').pluck().get()).toBe(
      'supervisor',
    );
    expect(a.t.core.db.prepare('SELECT install_role FROM access').pluck().get()).toBe('agent');
  });

  it('refuses plain http to another machine before anything is sent', async () => {
    const c = appOn({ name: 'X', code: 'NV09' }, 'admin');
    try {
      await expect(
        c.sync.connect({ serverUrl: 'http://192.168.1.20:8750', code: 'AAAA-BBBB-CCCC' }),
      ).rejects.toMatchObject({
        code: 'invalid_input',
        fields: [{ path: 'serverUrl', key: 'team_url_insecure' }],
      });
      expect((await c.sync.status()).linked).toBe(false);
    } finally {
      await c.dispose();
    }
  });

  it('stops and says so when the device is revoked', async () => {
    const bDevice = (
      await sql.query(
        "SELECT d.id FROM devices d JOIN agents a ON a.id = d.agent_id WHERE a.code = 'NV02'",
      )
    ).rows[0].id;
    await team.admin.revokeDevice(bDevice);
    const s = await b.sync.syncNow();
    expect(s.state).toBe('revoked');
    // Its local work is still there.
    expect(leadIdsOf(b).length).toBeGreaterThan(0);
  });
});
