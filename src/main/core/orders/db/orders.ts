import type { Order, OrderItem, OrderState } from '../../../../shared/orders';
import type { OrderToCreate } from '../../../../shared/workflow';
import type { Db } from '../../db/open';
import { THIS_AGENT } from '../../sync/db/agents';

export function insertOrder(
  db: Db,
  o: {
    id: string;
    leadId: string;
    dispositionId: string | null;
    order: OrderToCreate;
    now: number;
    itemIds: string[];
  },
): void {
  db.prepare(
    `INSERT INTO orders (id, lead_id, disposition_id, total, payment, state, delivery_address, note, created_at, updated_at,
       agent_id)
     VALUES (?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ${THIS_AGENT})`,
  ).run(
    o.id,
    o.leadId,
    o.dispositionId,
    o.order.total,
    o.order.payment,
    o.order.deliveryAddress,
    o.order.note,
    o.now,
    o.now,
  );
  const item = db.prepare(
    `INSERT INTO order_items (id, order_id, product_id, product_name, quantity, unit_price, line_total)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  o.order.items.forEach((it, i) => {
    item.run(
      o.itemIds[i],
      o.id,
      it.productId,
      it.productName,
      it.quantity,
      it.unitPrice,
      it.quantity * it.unitPrice,
    );
  });
}

interface OrderRow {
  id: string;
  lead_id: string;
  lead_name: string;
  lead_phone: string | null;
  total: number;
  payment: Order['payment'];
  state: OrderState;
  delivery_address: string;
  note: string;
  created_at: number;
  updated_at: number;
}

interface ItemRow {
  id: string;
  order_id: string;
  product_id: string | null;
  product_name: string;
  quantity: number;
  unit_price: number;
  line_total: number;
}

const SELECT_ORDERS = `SELECT o.*, l.name AS lead_name, l.phone_e164 AS lead_phone
  FROM orders o JOIN leads l ON l.id = o.lead_id`;

function withItems(db: Db, rows: OrderRow[]): Order[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const items = db
    .prepare(
      `SELECT * FROM order_items WHERE order_id IN (${ids.map(() => '?').join(',')}) ORDER BY rowid`,
    )
    .all(...ids) as ItemRow[];
  const byOrder = new Map<string, OrderItem[]>();
  for (const it of items) {
    const list = byOrder.get(it.order_id) ?? [];
    list.push({
      id: it.id,
      productId: it.product_id,
      productName: it.product_name,
      quantity: it.quantity,
      unitPrice: it.unit_price,
      lineTotal: it.line_total,
    });
    byOrder.set(it.order_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    leadId: r.lead_id,
    leadName: r.lead_name,
    leadPhone: r.lead_phone,
    items: byOrder.get(r.id) ?? [],
    total: r.total,
    payment: r.payment,
    state: r.state,
    deliveryAddress: r.delivery_address,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export function getOrder(db: Db, id: string): Order | undefined {
  return withItems(db, db.prepare(`${SELECT_ORDERS} WHERE o.id = ?`).all(id) as OrderRow[])[0];
}

export function ordersOfLead(db: Db, leadId: string): Order[] {
  return withItems(
    db,
    db
      .prepare(`${SELECT_ORDERS} WHERE o.lead_id = ? ORDER BY o.created_at DESC`)
      .all(leadId) as OrderRow[],
  );
}

/** Newest first, keyset-paged on (created_at, id). */
export function orderPage(
  db: Db,
  args: { limit: number; cursor: string | null },
): { items: Order[]; nextCursor: string | null } {
  let where = '';
  const params: unknown[] = [];
  if (args.cursor) {
    const m = /^(\d{1,16})\.([0-9a-f-]{36})$/.exec(args.cursor);
    if (m) {
      where = 'WHERE (o.created_at, o.id) < (?, ?)';
      params.push(Number(m[1]), m[2]);
    }
  }
  const rows = db
    .prepare(`${SELECT_ORDERS} ${where} ORDER BY o.created_at DESC, o.id DESC LIMIT ?`)
    .all(...params, args.limit + 1) as OrderRow[];
  const page = rows.slice(0, args.limit);
  const last = page[page.length - 1];
  return {
    items: withItems(db, page),
    nextCursor: rows.length > args.limit && last ? `${last.created_at}.${last.id}` : null,
  };
}

export function updateOrder(
  db: Db,
  id: string,
  changes: { state?: OrderState; payment?: Order['payment'] },
  now: number,
): void {
  db.prepare(
    `UPDATE orders SET state = COALESCE(@state, state), payment = COALESCE(@payment, payment), updated_at = @now
     WHERE id = @id`,
  ).run({ id, state: changes.state ?? null, payment: changes.payment ?? null, now });
}
