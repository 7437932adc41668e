import type { AreaHandlers } from '../../../shared/api';
import type { ordersArea } from '../../../shared/api/orders';
import type { Clock } from '../infra/clock';
import type { Db } from '../db/open';
import type { CoreEventListener } from '../plumbing/core';
import { writeOnce } from '../plumbing/idempotency';
import { orderPage } from './db/orders';
import { getProduct, listProducts } from './db/products';
import { changeOrder, saveProduct } from './orderEdits';

export function createOrdersHandlers(ctx: {
  db: Db;
  clock: Clock;
  emit: CoreEventListener;
}): AreaHandlers<typeof ordersArea> {
  const { db, clock } = ctx;
  return {
    'orders.list': (input) => orderPage(db, input),
    'orders.update': (input) => {
      const order = changeOrder(db, input, clock.now());
      ctx.emit('leads.changed', { ids: [order.leadId] });
      return order;
    },
    'products.list': ({ includeInactive }) => listProducts(db, includeInactive),
    'products.save': (input) => {
      const { result } = writeOnce(db, 'products.save', input, clock.now(), () => ({
        id: saveProduct(db, input, clock.now()).id,
      }));
      return getProduct(db, result.id)!;
    },
  };
}
