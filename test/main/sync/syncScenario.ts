import { join } from 'node:path';
import { T0 } from '../../helpers/fakeClock';
import { tempDir } from '../../helpers/tempDir';
import {
  assignLeads,
  customer,
  exportWork,
  HOUR,
  importAssignment,
  install,
  MINUTE,
  order,
  signingKey,
  trustKey,
  type Install,
} from './syncRig';

/**
 * A team's day, made through the contract on four installs with their own clocks: a supervisor
 * hands out two lead lists (both agents get the Facebook leads, so two agents edit the same
 * leads), three agents call, convert, sell, write notes; two of them edit one lead at the very
 * same millisecond; all three add the same walk-in customer's number on their own.
 */
export interface Scenario {
  files: { dir: string; supervisorDb: string };
  bundles: { a: string; a1: string; a2: string; b: string; c: string };
  ids: {
    l1: string;
    l2: string;
    l3: string;
    walkIns: string[];
    customStatus: string;
    agents: { a: string; b: string; c: string; s: string };
  };
  /** Calls each agent made (every disposition records one). */
  callsBy: { a: number; b: number; c: number; s: number };
  remove(): void;
}

export async function buildScenario(): Promise<Scenario> {
  const dir = tempDir('leadphone-sync-');
  const file = (name: string) => join(dir.path, name);

  // --- supervisor, the day before
  const s = install({ start: T0 - 24 * HOUR, role: 'supervisor' });
  const sAgent = await s.call('agent.set', { name: 'Trần Thị Giám Sát', code: 'GS01' });
  const add = (i: Install, name: string, phone: string, source: string) =>
    i.call('leads.add', { name, phone, source });
  const l1 = await add(s, 'Nguyễn Văn An', '0912 000 001', 'Facebook');
  const l2 = await add(s, 'Lê Thị Bình', '0912000002', 'Facebook');
  const l3 = await add(s, 'Phạm Văn Cường', '0912000003', 'Zalo');
  await add(s, 'Hoàng Thị Dung', '0912000004', 'Zalo');
  await add(s, 'Vũ Văn Em', '0912000005', 'Website');
  s.t.clock.advance(MINUTE);
  await s.call('dispositions.save', {
    leadId: l3.id,
    statusCode: 'new.not_reachable',
    callbackAt: T0 + 3 * HOUR,
  });
  await s.call('leads.addNote', { id: l1.id, text: 'Khách hỏi giá liệu trình qua Facebook' });
  await assignLeads(
    s,
    {
      filter: { source: 'Facebook' },
      agentCode: 'A01',
    },
    file('for-a01.lpbundle'),
  );
  await assignLeads(
    s,
    {
      filter: { source: 'Facebook' },
      agentCode: 'B01',
    },
    file('for-b01-facebook.lpbundle'),
  );
  await assignLeads(
    s,
    {
      filter: { source: 'Zalo', stage: 'new' },
      agentCode: 'B01',
    },
    file('for-b01-zalo.lpbundle'),
  );
  // The agents' admins trust the supervisor's key once, when their desks are set up.
  const supervisorKey = await signingKey(s);
  const supervisorDb = s.t.dbPath;
  s.t.core.close();

  // --- agent A (an admin's desk: it adds its own outcome to the catalogue)
  const a = install({ start: T0, role: 'admin' });
  const aAgent = await a.call('agent.set', { name: 'Nguyễn Thị Hoa', code: 'A01' });
  await trustKey(a, supervisorKey);
  await importAssignment(a, file('for-a01.lpbundle'));
  const custom = await a.call('statuses.add', {
    kind: 'outcome',
    stage: 'contact',
    labelVi: 'Hẹn gặp trực tiếp',
    labelEn: 'Meeting arranged',
    color: '#336699',
    rule: { kind: 'callback_at_agent_time' },
  });
  const call = await a.call('calls.start', {
    leadId: l1.id,
    direction: 'outbound',
    number: '0912000001',
  });
  await a.call('calls.update', { id: call.id, answeredAt: T0 + 5_000 });
  await a.call('calls.update', { id: call.id, endedAt: T0 + 185_000, endCause: 'remote_hangup' });
  a.t.clock.advance(4 * MINUTE);
  await a.call('dispositions.save', {
    leadId: l1.id,
    statusCode: 'new.converted',
    callId: call.id,
    customer: customer('Nguyễn Văn An'),
  });
  a.t.clock.set(T0 + 10 * MINUTE);
  await a.call('dispositions.save', {
    leadId: l2.id,
    statusCode: 'new.not_reachable',
    callbackAt: T0 + 2 * HOUR,
  });
  const walkInA = await add(a, 'Đỗ Văn Phúc', '0912000006', 'Hotline');
  a.t.clock.advance(MINUTE);
  await a.call('dispositions.save', {
    leadId: walkInA.id,
    statusCode: 'new.converted',
    customer: customer('Đỗ Văn Phúc'),
  });
  a.t.clock.advance(MINUTE);
  const sale = await a.call('dispositions.save', {
    leadId: walkInA.id,
    statusCode: 'contact.closing_pending',
    order,
  });
  await exportWork(a, 'last', file('a-1.lpbundle'));

  a.t.clock.advance(HOUR);
  await a.call('dispositions.save', {
    leadId: l1.id,
    statusCode: custom.code,
    callbackAt: T0 + 26 * HOUR,
    note: 'Hẹn gặp tại cửa hàng Đống Đa',
  });
  await a.call('leads.addNote', { id: l1.id, text: 'Khách muốn xem sản phẩm tận nơi' });
  await a.call('leads.setCustomerStatus', { id: l1.id, code: 'customer.potential' });
  await a.call('orders.update', { id: sale.orderId!, state: 'confirmed', payment: 'paid' });
  await exportWork(a, 'last', file('a-2.lpbundle'));
  await exportWork(a, 'all', file('a-all.lpbundle'));
  const aCalls = a.db.prepare('SELECT COUNT(*) FROM calls').pluck().get() as number;
  a.t.dispose();

  // --- agent B: same Facebook leads, L2 edited at the same millisecond as A did
  const b = install({ start: T0 + 30 * MINUTE });
  const bAgent = await b.call('agent.set', { name: 'Lê Văn Minh', code: 'B01' });
  await trustKey(b, supervisorKey);
  await importAssignment(b, file('for-b01-facebook.lpbundle'));
  await importAssignment(b, file('for-b01-zalo.lpbundle'));
  await b.call('dispositions.save', { leadId: l1.id, statusCode: 'new.not_interested' });
  b.t.clock.set(T0 + 10 * MINUTE);
  await b.call('dispositions.save', { leadId: l2.id, statusCode: 'new.wrong_number' });
  b.t.clock.set(T0 + 40 * MINUTE);
  await b.call('dispositions.save', {
    leadId: l3.id,
    statusCode: 'new.converted',
    customer: customer('Phạm Văn Cường'),
  });
  const walkInB = await add(b, 'Đỗ Văn Phúc', '0912 000 006', 'Cửa hàng');
  b.t.clock.advance(MINUTE);
  await b.call('dispositions.save', { leadId: walkInB.id, statusCode: 'new.not_interested' });
  await add(b, 'Bùi Thị Giang', '0912000007', 'Hotline');
  await exportWork(b, 'all', file('b.lpbundle'));
  const bCalls = b.db.prepare('SELECT COUNT(*) FROM calls').pluck().get() as number;
  b.t.dispose();

  // --- agent C, the next day
  const c = install({ start: T0 + 24 * HOUR });
  const cAgent = await c.call('agent.set', { name: 'Phan Văn Hùng', code: 'C01' });
  const l8 = await add(c, 'Trịnh Thị Hằng', '0912000008', 'Website');
  await add(c, 'Đặng Văn Khoa', '0912000009', 'Website');
  c.t.clock.advance(MINUTE);
  await c.call('dispositions.save', {
    leadId: l8.id,
    statusCode: 'new.converted',
    customer: customer('Trịnh Thị Hằng'),
    order: { ...order, payment: 'paid' },
  });
  const walkInC = await add(c, 'Đỗ Văn Phúc', '0912000006', 'Zalo');
  c.t.clock.advance(MINUTE);
  await c.call('dispositions.save', {
    leadId: walkInC.id,
    statusCode: 'new.not_reachable',
    callbackAt: T0 + 26 * HOUR,
  });
  await exportWork(c, 'all', file('c.lpbundle'));
  const cCalls = c.db.prepare('SELECT COUNT(*) FROM calls').pluck().get() as number;
  c.t.dispose();

  return {
    files: { dir: dir.path, supervisorDb },
    bundles: {
      a: file('a-all.lpbundle'),
      a1: file('a-1.lpbundle'),
      a2: file('a-2.lpbundle'),
      b: file('b.lpbundle'),
      c: file('c.lpbundle'),
    },
    ids: {
      l1: l1.id,
      l2: l2.id,
      l3: l3.id,
      walkIns: [walkInA.id, walkInB.id, walkInC.id],
      customStatus: custom.code,
      agents: { a: aAgent.id, b: bAgent.id, c: cAgent.id, s: sAgent.id },
    },
    // The supervisor's one disposition recorded one (manual) call; B and C got it in their copy.
    callsBy: { a: aCalls, b: bCalls - 1, c: cCalls, s: 1 },
    remove() {
      s.t.dispose();
      dir.remove();
    },
  };
}
