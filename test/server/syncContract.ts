import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamClient, TeamServerError, type TeamClient } from '../../src/shared/team/client';
import type { SyncRecord } from '../../src/shared/team/protocol';
import { callRow, dispositionRow, leadRow, noteRow } from '../helpers/syncRows';
import { startTestTeam, type TestTeam, type Via } from '../helpers/teamServer';

/*
 * The sync protocol, run twice: into the server's routes in the same process, and over TCP.
 * Every test reads the database directly to check what was (and was not) written.
 */
export function describeSyncContract(via: Via) {
  describe(`the team server's sync contract (${via})`, () => {
    let team: TestTeam;
    let sql: pg.Client;
    let a: { client: TeamClient; agentId: string; deviceId: string; token: string };
    let b: { client: TeamClient; agentId: string; deviceId: string; token: string };
    let sup: { client: TeamClient; agentId: string };
    let batch = 0;
    const nextBatch = () => ++batch;

    beforeAll(async () => {
      team = await startTestTeam(via);
      sql = new pg.Client({ connectionString: team.database.url });
      await sql.connect();
      a = await team.join('NV01');
      b = await team.join('NV02');
      sup = await team.join('GS01', 'supervisor');
    });
    afterAll(async () => {
      await sql.end();
      await team.stop();
    });

    const count = async (table: string, where = 'true', params: unknown[] = []) =>
      Number(
        (await sql.query(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params)).rows[0].n,
      );
    // The newest sequence number any row holds (the sequence itself also moves in a rolled-back
    // transaction, so it cannot tell whether anything was written).
    const maxSeq = async () =>
      Number(
        (
          await sql.query(
            `SELECT greatest(${[
              'agents',
              'statuses',
              'leads',
              'calls',
              'dispositions',
              'orders',
              'order_items',
              'lead_notes',
              'customer_status_changes',
              'lead_moves',
            ]
              .map((t) => `(SELECT max(seq) FROM ${t})`)
              .join(', ')}) AS v`,
          )
        ).rows[0].v,
      );
    const refusedCode = async (p: Promise<unknown>) => {
      try {
        await p;
        return 'accepted';
      } catch (err) {
        return err instanceof TeamServerError ? err.code : String(err);
      }
    };

    it('enrols once per code: the first admin by the printed code, then people by codes an admin issues', async () => {
      expect(
        await refusedCode(
          team.anonymous.enrol({
            code: team.server.bootstrap!.shown,
            device: { name: 'x' },
            agent: { id: 'x', name: 'X', code: 'X1' },
          }),
        ),
      ).toBe('enrolment_code_invalid');
      const issued = await team.admin.issueCode({
        name: 'Trần Thị Bình',
        code: 'NV09',
        role: 'agent',
      });
      expect(issued.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      // The code names the person: the install's own profile does not override it.
      const r = await team.anonymous.enrol({
        code: issued.code.toLowerCase().replace(/-/g, ' '),
        device: { name: 'Máy 9' },
        agent: { id: 'local-9', name: 'Someone else', code: 'ZZ' },
      });
      expect(r.agent).toMatchObject({
        name: 'Trần Thị Bình',
        code: 'NV09',
        role: 'agent',
        id: 'local-9',
      });
      expect(
        await refusedCode(
          team.anonymous.enrol({
            code: issued.code,
            device: { name: 'again' },
            agent: { id: 'y', name: 'Y', code: 'Y1' },
          }),
        ),
      ).toBe('enrolment_code_invalid');
      // Only the hash of a token or code is stored.
      const stored = (await sql.query('SELECT token_hash FROM devices WHERE id = $1', [r.deviceId]))
        .rows[0];
      expect(Buffer.from(stored.token_hash).toString('utf8')).not.toContain(r.token);
      expect(stored.token_hash).toHaveLength(32);
    });

    it('lets a supervisor enrol agents but not supervisors or admins', async () => {
      expect(
        await refusedCode(sup.client.issueCode({ name: 'Lan', code: 'NV10', role: 'agent' })),
      ).toBe('accepted');
      expect(
        await refusedCode(sup.client.issueCode({ name: 'Hùng', code: 'GS09', role: 'admin' })),
      ).toBe('forbidden');
      expect(
        await refusedCode(a.client.issueCode({ name: 'Hùng', code: 'NV11', role: 'agent' })),
      ).toBe('forbidden');
    });

    it('refuses a push with no token, a forged token, and from a revoked device, writing nothing', async () => {
      const rec: SyncRecord = { t: 'leads', row: leadRow() };
      const forged = createTeamClient(team.transport, 'A'.repeat(43));
      const none = createTeamClient(team.transport, null);
      expect(await refusedCode(forged.push({ batch: 1, records: [rec] }))).toBe('unauthorized');
      expect(await refusedCode(none.push({ batch: 1, records: [rec] }))).toBe('unauthorized');
      const c = await team.join('NV20');
      await team.admin.revokeDevice(c.deviceId);
      expect(await refusedCode(c.client.push({ batch: 1, records: [rec] }))).toBe('device_revoked');
      expect(await refusedCode(c.client.pull({ cursor: 0 }))).toBe('device_revoked');
      expect(await count('leads', 'id = $1', [rec.row.id])).toBe(0);
    });

    it("applies an agent's new lead with its call, outcome and note; the agent and supervisors see it, other agents do not", async () => {
      const lead = leadRow({
        next_action: 'none',
        last_outcome: 'new.not_interested',
        customer_status: 'customer.not_potential',
      });
      const call = callRow(String(lead.id), a.agentId);
      const disp = dispositionRow(String(lead.id), a.agentId, { call_id: call.id });
      const note = noteRow(String(lead.id), a.agentId);
      const r = await a.client.push({
        batch: nextBatch(),
        records: [
          { t: 'dispositions', row: disp },
          { t: 'lead_notes', row: note },
          { t: 'calls', row: call },
          { t: 'leads', row: lead },
        ],
      });
      expect(r).toMatchObject({ applied: 4, refused: [], replay: false });
      expect(
        (await sql.query('SELECT owner_agent_id FROM leads WHERE id = $1', [lead.id])).rows[0],
      ).toEqual({
        owner_agent_id: a.agentId,
      });
      const mine = await a.client.pull({ cursor: 0 });
      const ids = mine.records.map((x) => `${x.t}:${String(x.row.id ?? x.row.code)}`);
      expect(ids).toEqual(
        expect.arrayContaining([
          `leads:${lead.id}`,
          `calls:${call.id}`,
          `dispositions:${disp.id}`,
          `lead_notes:${note.id}`,
        ]),
      );
      expect(mine.records.find((x) => x.t === 'leads' && x.row.id === lead.id)!.row).toEqual(lead);
      // The catalogue and the team's people come with the first pull.
      expect(mine.records.some((x) => x.t === 'statuses' && x.row.code === 'new.converted')).toBe(
        true,
      );
      expect(mine.records.some((x) => x.t === 'agents' && x.row.id === b.agentId)).toBe(true);
      const other = await b.client.pull({ cursor: 0 });
      expect(other.records.some((x) => x.t !== 'statuses' && x.t !== 'agents')).toBe(false);
      const all = await sup.client.pull({ cursor: 0, limit: 2000 });
      expect(all.records.some((x) => x.t === 'dispositions' && x.row.id === disp.id)).toBe(true);
    });

    it('applies the same batch once: a repeat answers the same and changes nothing', async () => {
      const lead = leadRow();
      const n = nextBatch();
      const first = await a.client.push({ batch: n, records: [{ t: 'leads', row: lead }] });
      const seq = await maxSeq();
      const again = await a.client.push({ batch: n, records: [{ t: 'leads', row: lead }] });
      expect(again).toEqual({ ...first, replay: true });
      // The same number with other content is the app's mistake, and said as such.
      expect(
        await refusedCode(
          a.client.push({ batch: n, records: [{ t: 'leads', row: { ...lead, name: 'Đổi tên' } }] }),
        ),
      ).toBe('batch_conflict');
      expect(await maxSeq()).toBe(seq);
      expect(
        (await sql.query('SELECT name FROM leads WHERE id = $1', [lead.id])).rows[0].name,
      ).toBe(lead.name);
    });

    it("refuses a whole batch that touches another agent's lead: nothing of it is written", async () => {
      const theirs = leadRow();
      await b.client.push({ batch: nextBatch(), records: [{ t: 'leads', row: theirs }] });
      const mine = leadRow();
      const before = await maxSeq();
      const err = await a.client
        .push({
          batch: nextBatch(),
          records: [
            { t: 'leads', row: mine },
            {
              t: 'leads',
              row: { ...theirs, name: 'Hijacked', updated_at: Number(theirs.updated_at) + 1 },
            },
          ],
        })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TeamServerError);
      expect((err as TeamServerError).code).toBe('forbidden_change');
      expect((err as TeamServerError).status).toBe(403);
      expect(await count('leads', 'id = $1', [mine.id])).toBe(0);
      expect(
        (await sql.query('SELECT name FROM leads WHERE id = $1', [theirs.id])).rows[0].name,
      ).toBe(theirs.name);
      expect(await maxSeq()).toBe(before);
      // History in someone else's name, or on their lead, and the catalogue: refused the same way.
      for (const records of [
        [{ t: 'lead_notes', row: noteRow(String(theirs.id), a.agentId) }],
        [{ t: 'calls', row: callRow(String(theirs.id), b.agentId) }],
        [
          {
            t: 'statuses',
            row: {
              code: 'new.custom',
              kind: 'outcome',
              stage: 'new',
              label_vi: 'X',
              label_en: 'X',
              color: '#000000',
              rule: 'none',
              rule_hours: null,
              rule_payment: null,
              sets_customer_status: null,
              invalidates_phone: 0,
              builtin: 0,
              sort_order: 900,
              active: 1,
            },
          },
        ],
        [
          {
            t: 'agents',
            row: { id: 'new-agent', name: 'Ghost', code: 'GH01', created_at: 1, updated_at: 1 },
          },
        ],
      ] as SyncRecord[][]) {
        expect(await refusedCode(a.client.push({ batch: nextBatch(), records }))).toBe(
          'forbidden_change',
        );
      }
      expect(await maxSeq()).toBe(before);
    });

    it('refuses malformed batches with invalid_input, naming the field', async () => {
      const bad = [
        { batch: 0, records: [] },
        { batch: nextBatch(), records: [{ t: 'leads', row: { ...leadRow(), stage: 7 } }] },
        { batch: nextBatch(), records: [{ t: 'leads', row: { ...leadRow(), extra: 'x' } }] },
        { batch: nextBatch(), records: [{ t: 'sqlite_master', row: {} }] },
        {
          batch: nextBatch(),
          records: [{ t: 'leads', row: { ...leadRow(), note: 'x'.repeat(5000) } }],
        },
      ];
      for (const body of bad) {
        const { status, body: answer } = await team.transport.request(
          'POST',
          '/v1/push',
          body,
          a.token,
        );
        expect(status).toBe(400);
        expect((answer as { error: { code: string } }).error.code).toBe('invalid_input');
      }
    });

    it('moves leads with their history and callback: they leave the old owner and reach the new one', async () => {
      const pool = [0, 1, 2, 3].map(() => leadRow({ source: 'Pool move test' }));
      await team.admin.push({
        batch: nextBatch(),
        records: pool.map((row) => ({ t: 'leads' as const, row })),
      });
      expect(
        await count('leads', 'source = $1 AND owner_agent_id IS NULL', ['Pool move test']),
      ).toBe(4);
      const cursorA = (await a.client.pull({ cursor: 0, limit: 2000 })).cursor;
      const cursorB = (await b.client.pull({ cursor: 0, limit: 2000 })).cursor;
      const assigned = await sup.client.assign({
        pick: {
          stage: null,
          source: 'Pool move test',
          customerStatus: null,
          unassignedOnly: true,
          fromAgentId: null,
          limit: 100,
        },
        toAgentIds: [a.agentId],
      });
      expect(assigned).toEqual({ assigned: 4, perAgent: { [a.agentId]: 4 } });
      const gotA = await a.client.pull({ cursor: cursorA });
      expect(
        gotA.records
          .filter((x) => x.t === 'leads')
          .map((x) => x.row.id)
          .sort(),
      ).toEqual(pool.map((l) => l.id).sort());
      // A works one: a callback at 15:00 and a note.
      const target = pool[0]!;
      const callbackAt = Date.UTC(2026, 11, 8, 8);
      const disp = dispositionRow(String(target.id), a.agentId, {
        status_code: 'new.not_reachable',
        callback_at: callbackAt,
      });
      await a.client.push({
        batch: nextBatch(),
        records: [
          {
            t: 'leads',
            row: {
              ...target,
              next_action: 'callback',
              next_action_at: callbackAt,
              last_outcome: 'new.not_reachable',
              updated_at: Number(target.updated_at) + 10,
            },
          },
          { t: 'dispositions', row: disp },
        ],
      });
      // The supervisor moves two of A's leads, that one included, to B.
      const moved = await sup.client.assign({
        pick: { leadIds: [String(target.id), String(pool[1]!.id)] },
        toAgentIds: [b.agentId],
      });
      expect(moved.assigned).toBe(2);
      const afterA = await a.client.pull({ cursor: gotA.cursor });
      expect(afterA.removed.sort()).toEqual([target.id, pool[1]!.id].sort());
      const gotB = await b.client.pull({ cursor: cursorB });
      const bLead = gotB.records.find((x) => x.t === 'leads' && x.row.id === target.id)!;
      expect(bLead.row).toMatchObject({ next_action: 'callback', next_action_at: callbackAt });
      expect(gotB.records.some((x) => x.t === 'dispositions' && x.row.id === disp.id)).toBe(true);
      // A, offline meanwhile, still sends an edit and a call on the moved lead: the call is kept,
      // the edit is refused with a reason.
      const lateCall = callRow(String(target.id), a.agentId);
      const late = await a.client.push({
        batch: nextBatch(),
        records: [
          {
            t: 'leads',
            row: { ...target, name: 'Sửa muộn', updated_at: Number(target.updated_at) + 99 },
          },
          { t: 'calls', row: lateCall },
        ],
      });
      expect(late.refused).toEqual([{ t: 'leads', id: target.id, reason: 'lead_reassigned' }]);
      expect(await count('calls', 'id = $1', [lateCall.id])).toBe(1);
      expect(
        (await sql.query('SELECT name FROM leads WHERE id = $1', [target.id])).rows[0].name,
      ).toBe(target.name);
    });

    it("checks an outcome against the lead's folder on the server: a stale move is refused, the outcome kept", async () => {
      const lead = leadRow();
      await a.client.push({ batch: nextBatch(), records: [{ t: 'leads', row: lead }] });
      const cursorBefore = (await a.client.pull({ cursor: 0, limit: 2000 })).cursor;
      // Recorded as if the lead were already in Data contact.
      const disp = dispositionRow(String(lead.id), a.agentId, {
        status_code: 'contact.closed_paid',
        stage_before: 'contact',
        stage_after: 'order',
      });
      const r = await a.client.push({
        batch: nextBatch(),
        records: [
          {
            t: 'leads',
            row: {
              ...lead,
              stage: 'order',
              next_action: 'none',
              updated_at: Number(lead.updated_at) + 5,
            },
          },
          { t: 'dispositions', row: disp },
        ],
      });
      expect(r.refused).toEqual([{ t: 'leads', id: lead.id, reason: 'stage_changed' }]);
      // The team's version comes back at the agent's next pull, over their stale copy.
      const back = await a.client.pull({ cursor: cursorBefore });
      expect(back.records.find((x) => x.t === 'leads' && x.row.id === lead.id)?.row.stage).toBe(
        'new',
      );
      expect(
        (await sql.query('SELECT stage FROM leads WHERE id = $1', [lead.id])).rows[0].stage,
      ).toBe('new');
      expect(await count('dispositions', 'id = $1', [disp.id])).toBe(1);
      // The real path, new → contact by "Convert", is taken.
      const ok = await a.client.push({
        batch: nextBatch(),
        records: [
          {
            t: 'leads',
            row: { ...lead, stage: 'contact', updated_at: Number(lead.updated_at) + 6 },
          },
          {
            t: 'dispositions',
            row: dispositionRow(String(lead.id), a.agentId, {
              status_code: 'new.converted',
              stage_after: 'contact',
            }),
          },
        ],
      });
      expect(ok.refused).toEqual([]);
    });

    it('keeps one lead per number: a second lead with a taken number becomes an alias, and its history follows', async () => {
      const first = leadRow();
      await a.client.push({ batch: nextBatch(), records: [{ t: 'leads', row: first }] });
      const twin = leadRow({ phone_e164: first.phone_e164 });
      const call = callRow(String(twin.id), b.agentId);
      const r = await b.client.push({
        batch: nextBatch(),
        records: [
          { t: 'leads', row: twin },
          { t: 'calls', row: call },
        ],
      });
      expect(r.refused).toEqual([
        { t: 'leads', id: twin.id, reason: 'duplicate_number', leadId: first.id },
      ]);
      expect(
        (await sql.query('SELECT lead_id FROM calls WHERE id = $1', [call.id])).rows[0].lead_id,
      ).toBe(first.id);
    });

    it("orders by the server's sequence, never by the machines' clocks", async () => {
      const lead = leadRow();
      await a.client.push({ batch: nextBatch(), records: [{ t: 'leads', row: lead }] });
      // A machine whose clock runs a day ahead writes first; a correct one writes after it.
      const day = 24 * 3_600_000;
      const ahead = {
        ...lead,
        name: 'Tên từ máy chạy nhanh',
        updated_at: Number(lead.updated_at) + day,
      };
      const later = { ...lead, name: 'Tên sửa sau', updated_at: Number(lead.updated_at) + 60_000 };
      await a.client.push({ batch: nextBatch(), records: [{ t: 'leads', row: ahead }] });
      await a.client.push({ batch: nextBatch(), records: [{ t: 'leads', row: later }] });
      expect(
        (await sql.query('SELECT name, updated_at FROM leads WHERE id = $1', [lead.id])).rows[0],
      ).toEqual({
        name: 'Tên sửa sau',
        updated_at: later.updated_at,
      });
    });

    it('answers pulls in pages that together hold everything once, in sequence order', async () => {
      const leads = Array.from({ length: 25 }, () => leadRow());
      await a.client.push({
        batch: nextBatch(),
        records: leads.map((row) => ({ t: 'leads' as const, row })),
      });
      const seen: string[] = [];
      let cursor = 0;
      for (let i = 0; i < 100; i++) {
        const page = await a.client.pull({ cursor, limit: 7 });
        seen.push(...page.records.filter((x) => x.t === 'leads').map((x) => String(x.row.id)));
        expect(page.cursor).toBeGreaterThanOrEqual(cursor);
        cursor = page.cursor;
        if (!page.more) break;
      }
      for (const l of leads) expect(seen.filter((s) => s === l.id)).toHaveLength(1);
    });
  });
}
