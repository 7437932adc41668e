import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECRET_KEY_FILE } from '../../../src/main/core';
import { silentLog } from '../../../src/main/core/infra/log';
import { keyFileSecrets } from '../../../src/main/core/infra/secrets';
import { ownSigningKey } from '../../../src/main/core/sync/signingKey';
import { TEST_PIN } from '../../helpers/access';
import { T0 } from '../../helpers/fakeClock';
import { refusalText } from '../../helpers/refusalText';
import { tempDir } from '../../helpers/tempDir';
import { edit, unpack, type Rec, type Unpacked } from '../../helpers/bundleEdit';
import { en } from '../../../src/renderer/i18n/en';
import { vi } from '../../../src/renderer/i18n/vi';

const outsideVi: Record<string, string> = vi.sync.outside;
const outsideEn: Record<string, string> = en.sync.outside;
import {
  assignLeads,
  canonicalDump,
  customer,
  errorOf,
  exportWork,
  HOUR,
  importAssignment,
  importBundles,
  install,
  MINUTE,
  order,
  signingKey,
  trustKey,
  type Install,
} from './syncRig';

/*
 * What a lead list may carry even when a supervisor the desk trusts signed it (the rule in
 * src/main/core/sync/assignmentScope.ts and docs/ARCHITECTURE.md): its leads and their
 * history; custom statuses only as labels of that history; never a rewrite of what the desk
 * recorded. The lists here are signed with the supervisor's own key.
 */

describe('sync: a signed lead list may carry only its leads and their history', () => {
  let dir: ReturnType<typeof tempDir>;
  let s: Install;
  let a: Install;
  const file = (n: string) => join(dir.path, n);
  const ids: Record<string, string> = {};
  let list: string;
  let outcome: string;
  let loyal: string;

  /** The supervisor's private key, as its install keeps it (for lists made by hand). */
  const supervisorKey = () =>
    ownSigningKey(s.db, keyFileSecrets(join(s.t.dir, SECRET_KEY_FILE)), T0, silentLog);

  beforeEach(async () => {
    dir = tempDir('leadphone-scope-');
    s = install({ start: T0 - 24 * HOUR, role: 'supervisor' });
    await s.call('agent.set', { name: 'Trần Thị Giám Sát', code: 'GS01' });
    // The supervisor's admin added an outcome and the customer status it sets.
    await s.call('auth.unlock', { pin: TEST_PIN });
    loyal = (
      await s.call('statuses.add', {
        kind: 'customer',
        stage: null,
        labelVi: 'Khách thân thiết',
        labelEn: 'Loyal customer',
        color: '#225588',
        rule: { kind: 'none' },
      })
    ).code;
    outcome = (
      await s.call('statuses.add', {
        kind: 'outcome',
        stage: 'new',
        labelVi: 'Khách cũ gọi lại',
        labelEn: 'Former customer called back',
        color: '#558822',
        rule: { kind: 'none' },
        setsCustomerStatus: loyal,
      })
    ).code;
    await s.call('auth.lock', {});
    for (const [key, name, phone, source] of [
      ['l0', 'Nguyễn Văn An', '0916000001', 'Zalo'],
      ['l1', 'Lê Thị Bình', '0916000002', 'Zalo'],
      ['l2', 'Phạm Văn Cường', '0916000003', 'Zalo'],
      ['other', 'Hoàng Thị Dung', '0916000004', 'Facebook'],
    ] as const) {
      ids[key] = (await s.call('leads.add', { name, phone, source })).id;
    }
    s.t.clock.advance(MINUTE);
    await s.call('dispositions.save', { leadId: ids.l1!, statusCode: outcome });
    await s.call('leads.addNote', { id: ids.other!, text: 'Không thuộc danh sách' });
    list = file('zalo-a01.lpbundle');
    await assignLeads(s, { filter: { source: 'Zalo' }, agentCode: 'A01' }, list);

    a = install({ start: T0 });
    await a.call('agent.set', { name: 'Nguyễn Thị Hoa', code: 'A01' });
    await trustKey(a, await signingKey(s));
  });
  afterEach(() => {
    s.t.dispose();
    a.t.dispose();
    dir.remove();
  });

  /** Signs a changed copy of the real list with the supervisor's key and imports it. */
  async function importChanged(name: string, change: (u: Unpacked) => void) {
    const path = file(`${name}.lpbundle`);
    edit(list, path, supervisorKey(), change);
    return importAssignment(a, path);
  }

  async function refusedAs(name: string, what: string, change: (u: Unpacked) => void) {
    const before = canonicalDump(a.db);
    const error = await errorOf(importChanged(name, change));
    expect({ name, code: error.code, data: error.data }).toMatchObject({
      name,
      code: 'bundle_invalid',
      data: { reason: 'outside_assignment', what },
    });
    expect(canonicalDump(a.db)).toEqual(before);
    // The sync screen says what the list may not carry, in Vietnamese and in English.
    const text = refusalText(error);
    expect(text.vi).toContain(`${name}.lpbundle: Danh sách giao data chỉ được mang`);
    expect(text.vi).toContain(outsideVi[what]);
    expect(text.en).toContain(`${name}.lpbundle: A lead list may carry only its leads`);
    expect(text.en).toContain(outsideEn[what]);
  }

  const rowOf = (i: Install, table: string, columns: readonly string[], where: string) =>
    i.db.prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE ${where}`).get() as Rec['row'];

  it('custom statuses its history uses come as retired labels, never as outcomes to pick', async () => {
    const { result } = await importAssignment(a, list);
    expect(result.counts.statuses).toEqual({ added: 2, updated: 0 });
    const lead = await a.call('leads.get', { id: ids.l1! });
    expect(lead).toMatchObject({ lastOutcome: outcome, customerStatus: loyal });
    const entries = await a.call('statuses.list', {});
    expect(entries.filter((e) => [outcome, loyal].includes(e.code))).toMatchObject([
      { active: false },
      { active: false },
    ]);
    const pick = await errorOf(
      a.call('dispositions.save', { leadId: ids.l0!, statusCode: outcome }),
    );
    expect(pick.code).toBe('workflow_rejected');
    // Where the desk has the status already, its admin’s version stays as it is.
    await a.call('auth.unlock', { pin: TEST_PIN });
    await a.call('statuses.update', { code: outcome, labelVi: 'Tên của máy này', active: true });
    await a.call('auth.lock', {});
    s.t.clock.advance(MINUTE);
    await s.call('dispositions.save', { leadId: ids.l2!, statusCode: outcome });
    await assignLeads(s, { filter: { source: 'Zalo' }, agentCode: 'A01' }, list);
    const again = await importAssignment(a, list);
    expect(again.result.counts.statuses).toEqual({ added: 0, updated: 0 });
    expect((await a.call('statuses.list', {})).find((e) => e.code === outcome)).toMatchObject({
      labelVi: 'Tên của máy này',
      active: true,
    });
  });

  it('anything else refuses the whole list, nothing written', async () => {
    const statusColumns = Object.keys(unpack(list).records.find((r) => r.t === 'statuses')!.row);
    await refusedAs('unused-status', 'status', (u) => {
      const row = rowOf(s, 'statuses', statusColumns, `code = '${loyal}'`);
      u.records.unshift({
        t: 'statuses',
        id: 'custom.tu_tao',
        agent: null,
        at: null,
        row: { ...row, code: 'custom.tu_tao', label_vi: 'Tự tạo' },
      });
    });
    await refusedAs('built-in-status', 'status', (u) => {
      const row = rowOf(s, 'statuses', statusColumns, "code = 'new.converted'");
      u.records.unshift({ t: 'statuses', id: 'new.converted', agent: null, at: null, row });
    });
    await refusedAs('note-of-another-lead', 'other_lead', (u) => {
      const note = rowOf(
        s,
        'lead_notes',
        ['id', 'lead_id', 'text', 'created_at', 'agent_id'],
        `lead_id = '${ids.other}'`,
      );
      u.records.push({ t: 'lead_notes', id: String(note.id), agent: null, at: null, row: note });
    });
    await refusedAs('item-of-another-order', 'other_lead', (u) => {
      const row = {
        id: '00000000-0000-4000-8000-00000000000a',
        order_id: '00000000-0000-4000-8000-00000000000b',
        product_id: null,
        product_name: 'Liệu trình',
        quantity: 1,
        unit_price: 1,
        line_total: 1,
      };
      u.records.push({ t: 'order_items', id: row.id, agent: null, at: null, row });
    });
    await refusedAs('unnamed-agent', 'agent', (u) => {
      const row = {
        id: '00000000-0000-4000-8000-00000000000c',
        name: 'Người lạ',
        code: 'X99',
        created_at: T0,
        updated_at: T0,
      };
      u.records.unshift({ t: 'agents', id: row.id, agent: row.id, at: T0, row });
    });
    expect(a.db.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(0);
  });

  it('never contradicts what the desk recorded; what moves on (an order’s state) is taken', async () => {
    await importAssignment(a, list);
    a.t.clock.advance(10 * MINUTE);
    const sale = await a.call('dispositions.save', {
      leadId: ids.l2!,
      statusCode: 'new.converted',
      customer: customer('Phạm Văn Cường'),
      order,
      note: 'Khách đồng ý mua',
    });
    await a.call('leads.addNote', { id: ids.l2!, text: 'Giao hàng buổi sáng' });
    const work = file('a01-work.lpbundle');
    await exportWork(a, 'all', work);
    const mine = unpack(work).records;
    const self = mine.find((r) => r.t === 'agents' && r.row.code === 'A01')!;
    /** The list with the agent's own records of L2 added, one of them changed. */
    const withMine = (change: (records: Rec[]) => void) => (u: Unpacked) => {
      const copy = mine
        .filter((r) => r.t !== 'leads' && r.t !== 'statuses')
        .map((r) => ({ ...r, row: { ...r.row } }));
      change(copy);
      u.records.push(...copy);
    };
    /** The agent's own record of a table (the list's history has the supervisor's too). */
    const find = (records: Rec[], t: string) =>
      records.find((r) => r.t === t && r.row.agent_id === self.id)!;

    // The agent's records as they are: nothing to refuse, nothing changes.
    const same = canonicalDump(a.db);
    await importChanged(
      'as-recorded',
      withMine(() => {}),
    );
    expect(canonicalDump(a.db)).toEqual(same);

    await refusedAs(
      'outcome-rewritten',
      'history',
      withMine((r) => {
        find(r, 'dispositions').row.note = 'Khách từ chối';
      }),
    );
    await refusedAs(
      'note-rewritten',
      'history',
      withMine((r) => {
        find(r, 'lead_notes').row.text = 'Khách không muốn nhận hàng';
      }),
    );
    await refusedAs(
      'order-total-rewritten',
      'history',
      withMine((r) => {
        find(r, 'orders').row.total = 1;
      }),
    );
    await refusedAs(
      'call-rewritten',
      'history',
      withMine((r) => {
        find(r, 'calls').row.number = '+84999999999';
      }),
    );
    const supervisorId = (unpack(list).manifest.agent as { id: string }).id;
    await refusedAs(
      'outcome-reattributed',
      'history',
      withMine((r) => {
        find(r, 'dispositions').row.agent_id = supervisorId;
      }),
    );
    await refusedAs(
      'own-agent-renamed',
      'own_agent',
      withMine((r) => {
        const me = r.find((x) => x.t === 'agents' && x.id === self.id)!;
        me.row = { ...me.row, name: 'Tên khác', code: 'A02', updated_at: T0 + 48 * HOUR };
      }),
    );

    // The supervisor confirms the agent's order; the next list brings the new state.
    await importBundles(s, [work]);
    s.t.clock.set(T0 + 2 * HOUR);
    await s.call('orders.update', { id: sale.orderId!, state: 'confirmed', payment: 'paid' });
    await assignLeads(s, { filter: { source: 'Zalo' }, agentCode: 'A01' }, list);
    const { result } = await importAssignment(a, list);
    expect(result.counts.orders).toEqual({ added: 0, updated: 1 });
    expect(
      (await a.call('orders.list', { limit: 10 })).items.find((o) => o.id === sale.orderId),
    ).toMatchObject({ state: 'confirmed', payment: 'paid' });
  });
});
