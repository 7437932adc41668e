import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T0 } from '../../helpers/fakeClock';
import { tempDir } from '../../helpers/tempDir';
import {
  assignLeads,
  canonicalDump,
  customer,
  errorOf,
  exportWork,
  HOUR,
  importAssignment,
  importBundles,
  type Install,
  install,
  MINUTE,
  signingKey,
  trustKey,
} from './syncRig';

describe('sync: a supervisor assigns leads to an agent', () => {
  let dir: ReturnType<typeof tempDir>;
  let s: Install;
  let a: Install;
  const file = (n: string) => join(dir.path, n);
  const ids: Record<string, string> = {};

  beforeEach(async () => {
    dir = tempDir('leadphone-assign-');
    s = install({ start: T0 - 24 * HOUR, role: 'supervisor' });
    await s.call('agent.set', { name: 'Trần Thị Giám Sát', code: 'GS01' });
    for (const [key, name, phone, source] of [
      ['callback', 'Nguyễn Văn An', '0914000001', 'Zalo'],
      ['contact', 'Lê Thị Bình', '0914000002', 'Zalo'],
      ['fresh', 'Phạm Văn Cường', '0914000003', 'Zalo'],
      ['other', 'Hoàng Thị Dung', '0914000004', 'Facebook'],
    ] as const) {
      ids[key] = (await s.call('leads.add', { name, phone, source })).id;
    }
    s.t.clock.advance(MINUTE);
    await s.call('dispositions.save', {
      leadId: ids.callback!,
      statusCode: 'new.not_reachable',
      callbackAt: T0 + 2 * HOUR,
    });
    await s.call('dispositions.save', {
      leadId: ids.contact!,
      statusCode: 'new.converted',
      customer: customer('Lê Thị Bình'),
    });
    await s.call('leads.addNote', { id: ids.contact!, text: 'Khách quen, thích gọi buổi chiều' });
    a = install({ start: T0 });
    await a.call('agent.set', { name: 'Nguyễn Thị Hoa', code: 'A01' });
    // Set up once by an admin at the agent's desk: lists signed by this supervisor are taken.
    await trustKey(a, await signingKey(s));
  });
  afterEach(() => {
    s.t.dispose();
    a.t.dispose();
    dir.remove();
  });

  it('the chosen leads reach the agent’s queue with their history and callbacks', async () => {
    const summary = await assignLeads(
      s,
      {
        filter: { source: 'Zalo' },
        agentCode: 'A01',
      },
      file('zalo-a01.lpbundle'),
    );
    expect(summary).toMatchObject({ kind: 'assignment', counts: { leads: 3, dispositions: 2 } });

    const before = await a.call('leads.list', { stage: 'new' });
    expect(before.items).toHaveLength(0);
    const { result } = await importAssignment(a, file('zalo-a01.lpbundle'));
    expect(result).toMatchObject({
      kind: 'assignment',
      agent: { code: 'GS01' },
      counts: { leads: { added: 3, updated: 0 }, dispositions: { added: 2, updated: 0 } },
    });

    const fresh = await a.call('leads.list', { stage: 'new' });
    expect(fresh.items.map((l) => l.name).sort()).toEqual(['Nguyễn Văn An', 'Phạm Văn Cường']);
    const contact = await a.call('leads.list', { stage: 'contact' });
    expect(contact.items.map((l) => l.name)).toEqual(['Lê Thị Bình']);
    const detail = await a.call('leads.detail', { id: ids.contact! });
    expect(detail.timeline.map((t) => t.kind).sort()).toEqual(
      expect.arrayContaining(['disposition', 'note']),
    );

    // The supervisor's callbacks are the agent's reminders now, and they fire on time.
    const due: string[] = [];
    a.t.core.onEvent((event, payload) => {
      if (event === 'reminder.due') due.push((payload as { leadId: string }).leadId);
    });
    // (The convert was 24 h before T0 + 1 min, so its automatic callback is at T0 + 1 min.)
    a.t.timers.advance(2 * MINUTE);
    expect(due).toEqual([ids.contact]);
    a.t.timers.advance(2 * HOUR - 4 * MINUTE);
    expect(due).toEqual([ids.contact]);
    a.t.timers.advance(3 * MINUTE);
    expect(due).toEqual([ids.contact, ids.callback]);
  });

  it('the agent’s work on them comes back; assigning the list again keeps it', async () => {
    const path = file('zalo-a01.lpbundle');
    await assignLeads(s, { filter: { source: 'Zalo' }, agentCode: 'A01' }, path);
    await importAssignment(a, path);
    // Nothing of the assignment is the agent's own work.
    expect((await a.call('sync.status', {})).pendingChanges).toBe(0);

    // (Timers too: a callback that comes due meanwhile fires, as it would in the app.)
    a.t.timers.advance(30 * MINUTE);
    await a.call('dispositions.save', {
      leadId: ids.fresh!,
      statusCode: 'new.converted',
      customer: customer('Phạm Văn Cường'),
    });
    const back = await exportWork(a, 'last', file('a01-work.lpbundle'));
    expect(back.counts).toMatchObject({ leads: 1, dispositions: 1, calls: 1 });

    const { results } = await importBundles(s, [file('a01-work.lpbundle')]);
    expect(results[0]!.counts.leads).toEqual({ added: 0, updated: 1 });
    expect(results[0]!.counts.dispositions).toEqual({ added: 1, updated: 0 });
    const lead = await s.call('leads.get', { id: ids.fresh! });
    expect(lead).toMatchObject({ stage: 'contact', lastOutcome: 'new.converted' });

    // The supervisor hands the list out again: the agent's newer work is not overwritten.
    await assignLeads(s, { filter: { source: 'Zalo' }, agentCode: 'A01' }, path);
    const dumpBefore = canonicalDump(a.db);
    const again = await importAssignment(a, path);
    expect(again.result.counts.leads).toEqual({ added: 0, updated: 0 });
    expect(canonicalDump(a.db)).toEqual(dumpBefore);
  });

  it('a lead the agent already had (same number) becomes one lead on both sides', async () => {
    const own = await a.call('leads.add', { name: 'Anh Cường', phone: '0914 000 003' });
    a.t.clock.advance(MINUTE);
    await a.call('leads.addNote', { id: own.id, text: 'Khách tự gọi đến hỏi giá' });
    const path = file('zalo-a01.lpbundle');
    await assignLeads(s, { filter: { source: 'Zalo' }, agentCode: 'A01' }, path);
    await importAssignment(a, path);

    const kept = [own.id, ids.fresh!].sort()[0]!;
    const same = a.db
      .prepare("SELECT id FROM leads WHERE phone_e164 = '+84914000003'")
      .pluck()
      .all();
    expect(same).toEqual([kept]);
    const notes = (await a.call('leads.detail', { id: kept })).timeline.filter(
      (x) => x.kind === 'note',
    );
    expect(notes).toHaveLength(1);

    // The agent's work (on a lead id that may no longer exist here) still exports and merges.
    const work = file('a01-work.lpbundle');
    await exportWork(a, 'last', work);
    await importBundles(s, [work]);
    const atSupervisor = s.db
      .prepare("SELECT id FROM leads WHERE phone_e164 = '+84914000003'")
      .pluck()
      .all();
    expect(atSupervisor).toEqual([kept]);
    expect(
      (await s.call('leads.detail', { id: kept })).timeline.filter((x) => x.kind === 'note'),
    ).toHaveLength(1);
  });

  it('a list meant for another agent is refused', async () => {
    const path = file('zalo-b01.lpbundle');
    await assignLeads(s, { filter: { source: 'Zalo' }, agentCode: 'B01' }, path);
    const before = canonicalDump(a.db);
    const error = await errorOf(importAssignment(a, path));
    expect(error).toMatchObject({ code: 'bundle_invalid', data: { reason: 'wrong_agent' } });
    expect(canonicalDump(a.db)).toEqual(before);
  });

  it('an agent’s desk takes lead lists only; other agents’ work is for the supervisor', async () => {
    const work = file('a01-work.lpbundle');
    await a.call('leads.add', { name: 'Khách của Hoa', phone: '0914000099' });
    await exportWork(a, 'all', work);
    const before = canonicalDump(s.db);
    const error = await errorOf(importAssignment(s, work));
    expect(error).toMatchObject({ code: 'bundle_invalid', data: { reason: 'not_assignment' } });
    expect(canonicalDump(s.db)).toEqual(before);
    // The role map keeps merging others' work away from an agent's desk.
    expect((await errorOf(importBundles(a, [work]))).code).toBe('forbidden');
  });

  it('the filter picks by stage, source and customer status', async () => {
    const count = async (filter: object) =>
      (await s.call('sync.assignLeads', { filter, agentCode: 'A01' })).counts.leads ?? 0;
    expect(await count({})).toBe(4);
    expect(await count({ stage: 'new' })).toBe(3);
    expect(await count({ stage: 'new', source: 'Zalo' })).toBe(2);
    expect(await count({ customerStatus: 'customer.contacted' })).toBe(1);
    expect(await count({ customerStatus: '' })).toBe(2);
    expect(await count({ source: 'Không có' })).toBe(0);
  });
});
