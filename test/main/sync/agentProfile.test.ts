import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tempDir';
import { errorOf, exportWork, type Install, install, MINUTE } from './syncRig';

describe('agent profile', () => {
  let i: Install;
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    i = install();
    dir = tempDir();
  });
  afterEach(() => {
    i.t.dispose();
    dir.remove();
  });

  it('is empty at first start, and no bundle can be made without it', async () => {
    expect(await i.call('agent.get', {})).toEqual({ agent: null });
    const error = await errorOf(exportWork(i, 'all', join(dir.path, 'x.lpbundle')));
    expect(error.code).toBe('agent_missing');
  });

  it('validates the name and the code', async () => {
    const fields = async (input: { name: string; code: string }) =>
      (await errorOf(i.call('agent.set', input))).fields?.map((f) => `${f.path}:${f.key}`);
    expect(await fields({ name: '', code: 'A01' })).toEqual(['name:name_required']);
    expect(await fields({ name: 'Hoa', code: '' })).toEqual(['code:agent_code_required']);
    expect(await fields({ name: 'Hoa', code: 'A 01' })).toEqual(['code:agent_code_invalid']);
    expect(await fields({ name: 'Hoa', code: 'Ă01' })).toEqual(['code:agent_code_invalid']);
    expect(await fields({ name: 'Hoa', code: 'X'.repeat(21) })).toEqual(['code:too_long']);
    expect(await i.call('agent.get', {})).toEqual({ agent: null });
  });

  it('stamps every call, disposition, order, note and status change made here', async () => {
    const agent = await i.call('agent.set', { name: '  Nguyễn Thị Hoa ', code: 'A01' });
    expect(agent).toMatchObject({ name: 'Nguyễn Thị Hoa', code: 'A01' });
    const lead = await i.call('leads.add', { name: 'Khách', phone: '0915000001' });
    await i.call('calls.start', { leadId: lead.id, direction: 'outbound', number: '0915000001' });
    i.t.clock.advance(MINUTE);
    await i.call('dispositions.save', {
      leadId: lead.id,
      statusCode: 'new.converted',
      customer: { name: 'Khách' },
      order: {
        items: [{ productName: 'Liệu trình', quantity: 1, unitPrice: 500_000 }],
      },
    });
    await i.call('leads.addNote', { id: lead.id, text: 'ghi chú' });
    for (const t of ['calls', 'dispositions', 'orders', 'lead_notes', 'customer_status_changes']) {
      const owners = i.db.prepare(`SELECT DISTINCT agent_id FROM ${t}`).pluck().all();
      expect({ t, owners }).toEqual({ t, owners: [agent.id] });
      // Stamped as it was written: one change-log row per record, not a second for a stamp.
      const logged = i.db
        .prepare(`SELECT COUNT(*) FROM change_log WHERE tbl = ?`)
        .pluck()
        .get(t) as number;
      const rows = i.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number;
      expect({ t, logged }).toEqual({ t, logged: rows });
    }
  });

  it('can be renamed; the id stays, so earlier work stays this agent’s', async () => {
    const first = await i.call('agent.set', { name: 'Hoa', code: 'A01' });
    const second = await i.call('agent.set', { name: 'Nguyễn Thị Hoa', code: 'A02' });
    expect(second).toEqual({ id: first.id, name: 'Nguyễn Thị Hoa', code: 'A02' });
    expect(await i.call('agent.list', {})).toEqual([second]);
  });

  it('“since the last bundle” sends only what changed after the previous one', async () => {
    await i.call('agent.set', { name: 'Hoa', code: 'A01' });
    const l1 = await i.call('leads.add', { name: 'Một', phone: '0915000011' });
    await i.call('leads.add', { name: 'Hai', phone: '0915000012' });
    expect((await i.call('sync.status', {})).pendingChanges).toBe(2);
    const first = await exportWork(i, 'last', join(dir.path, '1.lpbundle'));
    expect(first.counts).toEqual({ agents: 1, leads: 2 });
    expect(await i.call('sync.status', {})).toEqual({
      lastExportAt: i.t.clock.now(),
      pendingChanges: 0,
    });

    const empty = await exportWork(i, 'last', join(dir.path, '2.lpbundle'));
    expect(empty.counts).toEqual({ agents: 1 });

    // A clock set back does not hide a change: the watermark is a sequence, not a time.
    i.t.clock.advance(-3_600_000);
    await i.call('dispositions.save', { leadId: l1.id, statusCode: 'new.not_interested' });
    const third = await exportWork(i, 'last', join(dir.path, '3.lpbundle'));
    expect(third.counts).toMatchObject({ leads: 1, dispositions: 1, calls: 1 });
    const all = await exportWork(i, 'all', join(dir.path, 'all.lpbundle'));
    expect(all.counts).toMatchObject({ leads: 2, dispositions: 1, calls: 1 });
  });
});
