import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalDump, copyOf, importBundles, type Install, permutations } from './syncRig';
import { buildScenario, type Scenario } from './syncScenario';

describe('sync: merging agents’ bundles at the supervisor', () => {
  let sc: Scenario;
  const opened: Install[] = [];
  const supervisor = () => {
    const i = copyOf(sc.files.supervisorDb);
    opened.push(i);
    return i;
  };

  beforeAll(async () => {
    sc = await buildScenario();
  }, 60_000);
  afterAll(() => {
    for (const i of opened) i.t.dispose();
    sc.remove();
  });

  it('three agents’ bundles in all six orders give the same database', async () => {
    const { a, b, c } = sc.bundles;
    const dumps: string[] = [];
    for (const order of permutations([a, b, c])) {
      const s = supervisor();
      for (const path of order) await importBundles(s, [path]);
      dumps.push(JSON.stringify(canonicalDump(s.db)));
    }
    // All three in one call, too.
    const s = supervisor();
    await importBundles(s, [c, a, b]);
    dumps.push(JSON.stringify(canonicalDump(s.db)));
    expect(new Set(dumps).size).toBe(1);
    expect(dumps).toHaveLength(7);
  });

  it('the merged database holds every agent’s work, stamped with who did it', async () => {
    const s = supervisor();
    const { results } = await importBundles(s, [sc.bundles.a, sc.bundles.b, sc.bundles.c]);
    expect(results.map((r) => r.agent.code)).toEqual(['A01', 'B01', 'C01']);
    expect(results[0]!.counts.calls).toEqual({ added: sc.callsBy.a, updated: 0 });

    const perAgent = Object.fromEntries(
      (
        s.db.prepare('SELECT agent_id AS a, COUNT(*) AS n FROM calls GROUP BY agent_id').all() as {
          a: string;
          n: number;
        }[]
      ).map((r) => [r.a, r.n]),
    );
    const { agents } = sc.ids;
    expect(perAgent).toEqual({
      [agents.a]: sc.callsBy.a,
      [agents.b]: sc.callsBy.b,
      [agents.c]: sc.callsBy.c,
      [agents.s]: sc.callsBy.s,
    });
    const names = s.db.prepare('SELECT code FROM agents ORDER BY code').pluck().all();
    expect(names).toEqual(['A01', 'B01', 'C01', 'GS01']);

    // L1: A's custom outcome (the newest change) wins over B's earlier "not interested".
    const l1 = await s.call('leads.detail', { id: sc.ids.l1 });
    expect(l1.lead.lastOutcome).toBe(sc.ids.customStatus);
    expect(l1.lead.customerStatus).toBe('customer.potential');
    const kinds = l1.timeline.map((t) => t.kind);
    expect(kinds.filter((k) => k === 'disposition')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'note')).toHaveLength(2);
    // The custom status came along with the disposition that used it.
    const custom = await s.call('statuses.list', {});
    expect(custom.find((x) => x.code === sc.ids.customStatus)?.labelVi).toBe('Hẹn gặp trực tiếp');
    // The supervisor's own callback on L3 went with B's call: cancelled, and none of the
    // agents' callbacks became the supervisor's reminders.
    const pending = s.db
      .prepare("SELECT lead_id FROM reminders WHERE state = 'pending'")
      .pluck()
      .all();
    expect(pending).toEqual([]);
    expect(
      s.db.prepare('SELECT state FROM reminders WHERE lead_id = ?').pluck().all(sc.ids.l3),
    ).toEqual(['cancelled']);
    // L2: A and B at the same millisecond; both dispositions kept, one lead state chosen.
    const l2 = await s.call('leads.detail', { id: sc.ids.l2 });
    expect(['new.not_reachable', 'new.wrong_number']).toContain(l2.lead.lastOutcome);
    expect(l2.timeline.filter((t) => t.kind === 'disposition')).toHaveLength(2);
  });

  it('the same number added by three agents becomes one lead with all three histories', async () => {
    const s = supervisor();
    await importBundles(s, [sc.bundles.b, sc.bundles.c, sc.bundles.a]);
    const rows = s.db
      .prepare("SELECT id FROM leads WHERE phone_e164 = '+84912000006'")
      .pluck()
      .all() as string[];
    const kept = [...sc.ids.walkIns].sort()[0]!;
    expect(rows).toEqual([kept]);
    const aliases = s.db.prepare('SELECT alias_id, lead_id FROM lead_aliases').all();
    expect(aliases).toHaveLength(2);
    for (const a of aliases as { lead_id: string }[]) expect(a.lead_id).toBe(kept);
    const detail = await s.call('leads.detail', { id: kept });
    expect(detail.timeline.filter((t) => t.kind === 'disposition')).toHaveLength(4);
    expect(detail.orders).toHaveLength(1);
    expect(detail.orders[0]).toMatchObject({ state: 'confirmed', payment: 'paid' });

    // The search index follows: merged leads are found by name and number, the folded one once.
    const find = async (query: string) =>
      (await s.call('leads.search', { query })).items.map((l) => l.id);
    expect(await find('phuc')).toEqual([kept]);
    expect(await find('000006')).toEqual([kept]);
    expect(await find('Trịnh Thị Hằng')).toHaveLength(1);
    // L1 took A's customer details (a contact form) over the supervisor's original row.
    expect(await find('0912000001')).toEqual([sc.ids.l1]);
  });

  it('importing again changes nothing and reports nothing added or updated', async () => {
    const s = supervisor();
    const paths = [sc.bundles.a, sc.bundles.b, sc.bundles.c];
    await importBundles(s, paths);
    const before = canonicalDump(s.db);
    const { results } = await importBundles(s, paths);
    for (const r of results) {
      for (const c of Object.values(r.counts)) expect(c).toEqual({ added: 0, updated: 0 });
    }
    expect(canonicalDump(s.db)).toEqual(before);
  });

  it('"since the last bundle" twice adds up to "all"', async () => {
    const parts = supervisor();
    await importBundles(parts, [sc.bundles.a2]);
    await importBundles(parts, [sc.bundles.a1]);
    const whole = supervisor();
    await importBundles(whole, [sc.bundles.a]);
    expect(canonicalDump(parts.db)).toEqual(canonicalDump(whole.db));
  });
});
