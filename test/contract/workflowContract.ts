import { describe, expect, it } from 'vitest';
import type { DispositionSaveInput } from '../../src/shared/api';
import type { Lead } from '../../src/shared/domain';
import type { OrderDraft } from '../../src/shared/orders';
import { dumpDatabase } from '../helpers/dbDump';
import { type TempCore } from '../helpers/tempCore';
import { errorOf, useContractClient, type ContractRig } from './contractRig';

const HOUR = 3_600_000;

const customer = {
  name: 'Nguyễn Văn An',
  phone2: '0987 654 321',
  gender: 'male' as const,
  birthYear: 1988,
  province: 'Hà Nội',
  district: 'Cầu Giấy',
  address: '12 Trần Thái Tông',
};

const order: OrderDraft = {
  items: [
    { productId: null, productName: 'Liệu trình 1 tháng', quantity: 2, unitPrice: 450_000 },
    { productId: null, productName: 'Kem dưỡng', quantity: 1, unitPrice: 350_000 },
  ],
  deliveryAddress: '12 Trần Thái Tông, Cầu Giấy, Hà Nội',
  payment: 'pending',
  note: 'giao giờ hành chính',
};

/** The workflow's tables (shared/catalogue.ts), saved through the contract on a real SQLite file with a fake clock. */
export function describeWorkflowContract(
  name: string,
  connect: (t: TempCore) => Promise<ContractRig>,
) {
  describe(`workflow through the contract (${name})`, () => {
    const ctx = useContractClient(connect);
    let phoneSeq = 0;

    const newLead = () =>
      ctx.client.call('leads.add', {
        name: 'Khách',
        phone: `0912${String(100000 + phoneSeq++)}`,
        source: 'FB',
      });
    const save = (lead: Lead, statusCode: string, extra: Partial<DispositionSaveInput> = {}) =>
      ctx.client.call('dispositions.save', { leadId: lead.id, statusCode, ...extra });
    const pendingReminders = (leadId: string) =>
      ctx.t.core.db
        .prepare("SELECT due_at FROM reminders WHERE lead_id = ? AND state = 'pending'")
        .pluck()
        .all(leadId);
    const contactLead = async () =>
      (await save(await newLead(), 'new.converted', { customer })).lead;

    it('not reachable: stays in Data mới with a callback at the agent’s time and a reminder then', async () => {
      const lead = await newLead();
      const at = ctx.t.clock.now() + 3 * HOUR;
      const { lead: after } = await save(lead, 'new.not_reachable', {
        callbackAt: at,
        note: 'không nghe máy',
      });
      expect(after).toMatchObject({
        stage: 'new',
        nextAction: 'callback',
        nextActionAt: at,
        customerStatus: 'customer.not_reachable',
        lastOutcome: 'new.not_reachable',
      });
      expect(pendingReminders(lead.id)).toEqual([at]);
      const calls = ctx.t.core.db.prepare('SELECT via, lead_id FROM calls').all();
      expect(calls).toEqual([{ via: 'manual', lead_id: lead.id }]);
    });

    it('not interested and wrong number: stay in Data mới with no next action; a wrong number is flagged', async () => {
      const a = (await save(await newLead(), 'new.not_interested')).lead;
      expect(a).toMatchObject({
        stage: 'new',
        nextAction: 'none',
        nextActionAt: null,
        phoneWrong: false,
      });
      const b = (await save(await newLead(), 'new.wrong_number')).lead;
      expect(b).toMatchObject({ stage: 'new', nextAction: 'none', phoneWrong: true });
      expect(pendingReminders(a.id)).toEqual([]);
    });

    it('converted: to Data contact with the customer’s details and a callback 24 h later', async () => {
      const lead = await newLead();
      const { lead: after } = await save(lead, 'new.converted', { customer });
      expect(after).toMatchObject({
        stage: 'contact',
        nextAction: 'callback',
        nextActionAt: ctx.t.clock.now() + 24 * HOUR,
        name: 'Nguyễn Văn An',
        phone2: '+84987654321',
        province: 'Hà Nội',
        birthYear: 1988,
        customerStatus: 'customer.contacted',
      });
      expect(pendingReminders(lead.id)).toEqual([ctx.t.clock.now() + 24 * HOUR]);
      const list = await ctx.client.call('leads.list', { stage: 'contact' });
      expect(list.items.map((l) => l.id)).toEqual([lead.id]);
      expect(list.counts).toMatchObject({ new: 0, contact: 1 });
    });

    it('converted with an order (Xác nhận mua): to Đơn hàng with the order, its items and total', async () => {
      const lead = await newLead();
      const saved = await save(lead, 'new.converted', { customer, order });
      expect(saved.lead).toMatchObject({
        stage: 'order',
        nextAction: 'none',
        customerStatus: 'customer.closing',
      });
      const orders = await ctx.client.call('orders.list', {});
      expect(orders.items).toHaveLength(1);
      expect(orders.items[0]).toMatchObject({
        id: saved.orderId,
        leadId: lead.id,
        total: 1_250_000,
        payment: 'pending',
        state: 'new',
        deliveryAddress: order.deliveryAddress,
      });
      expect(orders.items[0]!.items.map((i) => [i.productName, i.quantity, i.lineTotal])).toEqual([
        ['Liệu trình 1 tháng', 2, 900_000],
        ['Kem dưỡng', 1, 350_000],
      ]);
      expect(pendingReminders(lead.id)).toEqual([]);
    });

    it.each([
      ['contact.no_answer', 2],
      ['contact.busy', 1],
      ['contact.considering', 24],
      ['contact.potential', 24],
    ])('%s on a contact lead: callback in %i h, replacing the pending one', async (code, hours) => {
      const lead = await contactLead();
      ctx.t.clock.advance(HOUR);
      const { lead: after } = await save(lead, code);
      expect(after).toMatchObject({
        stage: 'contact',
        nextAction: 'callback',
        nextActionAt: ctx.t.clock.now() + hours * HOUR,
      });
      expect(pendingReminders(lead.id)).toEqual([ctx.t.clock.now() + hours * HOUR]);
    });

    it('contact.callback: at the agent’s time', async () => {
      const lead = await contactLead();
      const at = ctx.t.clock.now() + 5 * HOUR;
      expect((await save(lead, 'contact.callback', { callbackAt: at })).lead).toMatchObject({
        stage: 'contact',
        nextActionAt: at,
      });
      expect(pendingReminders(lead.id)).toEqual([at]);
    });

    it.each(['contact.not_potential', 'contact.bought_elsewhere'])(
      '%s: lost, no next action, no reminder',
      async (code) => {
        const lead = await contactLead();
        expect((await save(lead, code)).lead).toMatchObject({
          stage: 'contact',
          nextAction: 'none',
          customerStatus: 'customer.not_potential',
        });
        expect(pendingReminders(lead.id)).toEqual([]);
      },
    );

    it.each([
      ['contact.closing_pending', 'pending', 'customer.closing'],
      ['contact.closed_paid', 'paid', 'customer.closed'],
    ])('%s: an order (%s) and Đơn hàng', async (code, payment, status) => {
      const lead = await contactLead();
      const saved = await save(lead, code, { order: { ...order, payment: 'pending' } });
      expect(saved.lead).toMatchObject({
        stage: 'order',
        nextAction: 'none',
        customerStatus: status,
      });
      const detail = await ctx.client.call('leads.detail', { id: lead.id });
      expect(detail.orders.map((o) => [o.payment, o.total])).toEqual([[payment, 1_250_000]]);
    });

    it('refuses an outcome the workflow rejects, naming the field, and writes nothing', async () => {
      const lead = await newLead();
      const before = dumpDatabase(ctx.t.core.db);
      const missing = await errorOf(save(lead, 'new.not_reachable'));
      expect(missing).toMatchObject({
        code: 'workflow_rejected',
        fields: [{ path: 'callbackAt', key: 'callback_time_missing' }],
      });
      const wrongStage = await errorOf(save(lead, 'contact.no_answer'));
      expect(wrongStage.fields).toEqual([{ path: 'statusCode', key: 'outcome_not_for_stage' }]);
      const noName = await errorOf(
        save(lead, 'new.converted', { customer: { ...customer, name: '' } }),
      );
      expect(noName.fields).toEqual([{ path: 'customer.name', key: 'customer_name_missing' }]);
      expect(dumpDatabase(ctx.t.core.db)).toEqual(before);
    });

    it('a failure in the middle of a save leaves the database exactly as before', async () => {
      const lead = await newLead();
      const before = dumpDatabase(ctx.t.core.db);
      // The order is written after the call, disposition, reminder and lead update.
      ctx.t.core.db.exec(
        "CREATE TEMP TRIGGER fail_order BEFORE INSERT ON order_items BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
      );
      const error = await errorOf(save(lead, 'new.converted', { customer, order }));
      expect(error.code).toBe('internal');
      ctx.t.core.db.exec('DROP TRIGGER fail_order');
      expect(dumpDatabase(ctx.t.core.db)).toEqual(before);
      // And the same save goes through once the fault is gone.
      expect((await save(lead, 'new.converted', { customer, order })).lead.stage).toBe('order');
    });

    it('a custom status added by an admin appears in the catalogue and its rule works', async () => {
      const custom = await ctx.client.call('statuses.add', {
        kind: 'outcome',
        stage: 'new',
        labelVi: 'Hẹn qua Zalo',
        labelEn: 'Follow up on Zalo',
        color: '#0068ff',
        rule: { kind: 'callback_after_hours', hours: 3 },
        setsCustomerStatus: 'customer.potential',
      });
      const panel = (await ctx.client.call('statuses.list', {})).filter(
        (s) => s.stage === 'new' && s.active,
      );
      expect(panel.map((s) => s.labelVi)).toContain('Hẹn qua Zalo');
      const lead = await newLead();
      const { lead: after } = await save(lead, custom.code);
      expect(after).toMatchObject({
        stage: 'new',
        nextAction: 'callback',
        nextActionAt: ctx.t.clock.now() + 3 * HOUR,
        customerStatus: 'customer.potential',
      });
      // Retired: gone from the panel, refused, still in history.
      await ctx.client.call('statuses.update', { code: custom.code, active: false });
      const retired = await errorOf(save(lead, custom.code));
      expect(retired.fields).toEqual([{ path: 'statusCode', key: 'status_inactive' }]);
      const detail = await ctx.client.call('leads.detail', { id: lead.id });
      expect(
        detail.timeline.some((i) => i.kind === 'disposition' && i.statusCode === custom.code),
      ).toBe(true);
    });

    it('lets admins rename built-ins and change their N, but never retire them', async () => {
      const renamed = await ctx.client.call('statuses.update', {
        code: 'contact.no_answer',
        labelVi: 'Không bắt máy',
        hours: 3,
      });
      expect(renamed).toMatchObject({
        labelVi: 'Không bắt máy',
        rule: { kind: 'callback_after_hours', hours: 3 },
      });
      const lead = await contactLead();
      expect((await save(lead, 'contact.no_answer')).lead.nextActionAt).toBe(
        ctx.t.clock.now() + 3 * HOUR,
      );
      const refused = await errorOf(
        ctx.client.call('statuses.update', { code: 'new.converted', active: false }),
      );
      expect(refused.fields).toEqual([{ path: 'active', key: 'builtin_cannot_retire' }]);
    });

    it('keeps a timeline of outcomes, notes, status changes and orders, newest first', async () => {
      const lead = await newLead();
      ctx.t.clock.advance(60_000);
      await save(lead, 'new.not_reachable', {
        callbackAt: ctx.t.clock.now() + HOUR,
        note: 'máy bận',
      });
      ctx.t.clock.advance(60_000);
      await ctx.client.call('leads.addNote', { id: lead.id, text: 'Khách hẹn chiều' });
      ctx.t.clock.advance(60_000);
      await ctx.client.call('leads.setCustomerStatus', { id: lead.id, code: 'customer.potential' });
      const detail = await ctx.client.call('leads.detail', { id: lead.id });
      expect(detail.timeline.map((i) => i.kind)).toEqual([
        'status_change',
        'note',
        'status_change',
        'disposition',
        'call',
        'created',
      ]);
      expect(detail.lead.customerStatus).toBe('customer.potential');
      const bad = await errorOf(
        ctx.client.call('leads.setCustomerStatus', { id: lead.id, code: 'new.converted' }),
      );
      expect(bad.code).toBe('invalid_input');
    });

    it('moves orders along their states and refuses a jump', async () => {
      const lead = await contactLead();
      const { orderId } = await save(lead, 'contact.closing_pending', { order });
      const id = orderId!;
      expect((await ctx.client.call('orders.update', { id, state: 'confirmed' })).state).toBe(
        'confirmed',
      );
      const jump = await errorOf(ctx.client.call('orders.update', { id, state: 'new' }));
      expect(jump.fields).toEqual([{ path: 'state', key: 'order_state_invalid' }]);
      expect((await ctx.client.call('orders.update', { id, payment: 'paid' })).payment).toBe(
        'paid',
      );
    });

    it('keeps a product catalogue with unique codes', async () => {
      const p = await ctx.client.call('products.save', {
        code: 'LT1',
        name: 'Liệu trình 1 tháng',
        unitPrice: 450_000,
      });
      expect(await ctx.client.call('products.list', {})).toEqual([p]);
      const dup = await errorOf(
        ctx.client.call('products.save', { code: 'LT1', name: 'Khác', unitPrice: 1 }),
      );
      expect(dup.fields).toEqual([{ path: 'code', key: 'code_taken' }]);
      await ctx.client.call('products.save', {
        id: p.id,
        code: 'LT1',
        name: p.name,
        unitPrice: 500_000,
        active: false,
      });
      expect(await ctx.client.call('products.list', {})).toEqual([]);
      expect(
        (await ctx.client.call('products.list', { includeInactive: true }))[0]!.unitPrice,
      ).toBe(500_000);
    });

    it('filters the queue by customer status and source, and can hide leads with nothing to do', async () => {
      const a = await newLead();
      const b = await ctx.client.call('leads.add', {
        name: 'Zalo lead',
        phone: '0933333333',
        source: 'Zalo',
      });
      await save(a, 'new.not_interested');
      const byStatus = await ctx.client.call('leads.list', {
        stage: 'new',
        customerStatus: 'customer.not_potential',
      });
      expect(byStatus.items.map((l) => l.id)).toEqual([a.id]);
      const bySource = await ctx.client.call('leads.list', { stage: 'new', source: 'Zalo' });
      expect(bySource.items.map((l) => l.id)).toEqual([b.id]);
      const actionable = await ctx.client.call('leads.list', { stage: 'new', hideNoAction: true });
      expect(actionable.items.map((l) => l.id)).toEqual([b.id]);
      const all = await ctx.client.call('leads.list', { stage: 'new' });
      expect(all.items.map((l) => l.id)).toEqual([b.id, a.id]);
    });
  });
}
