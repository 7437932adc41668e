import { newRowId } from '../db/rowId';
import type { z } from 'zod';
import type { ProductSaveInput } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { Payment } from '../../../shared/catalogue';
import { nextOrderStates, type Order, type OrderState, type Product } from '../../../shared/orders';
import type { Db } from '../db/open';
import { getOrder, updateOrder } from './db/orders';
import { getProduct, productIdByCode, upsertProduct } from './db/products';
import { writeTx } from '../db/writeTx';

export function saveProduct(
  db: Db,
  input: z.output<typeof ProductSaveInput>,
  now: number,
): Product {
  return writeTx(db, () => {
    const id = input.id ?? newRowId();
    if (input.id && !getProduct(db, input.id)) throw new AppError('not_found', 'No such product.');
    const sameCode = productIdByCode(db, input.code);
    if (sameCode && sameCode !== id) {
      throw new AppError('invalid_input', 'Another product has this code.', {
        fields: [{ path: 'code', key: 'code_taken' }],
      });
    }
    const product: Product = {
      id,
      code: input.code,
      name: input.name,
      unitPrice: input.unitPrice,
      active: input.active,
    };
    upsertProduct(db, product, now);
    return product;
  });
}

/** Moves an order along new → confirmed → shipping → delivered (or cancelled), or marks it paid. */
export function changeOrder(
  db: Db,
  input: { id: string; state?: OrderState; payment?: Payment },
  now: number,
): Order {
  return writeTx(db, () => {
    const order = getOrder(db, input.id);
    if (!order) throw new AppError('not_found', 'No such order.');
    if (
      input.state &&
      input.state !== order.state &&
      !nextOrderStates(order.state).includes(input.state)
    ) {
      throw new AppError(
        'invalid_input',
        `An order cannot go from ${order.state} to ${input.state}.`,
        {
          fields: [{ path: 'state', key: 'order_state_invalid' }],
        },
      );
    }
    updateOrder(db, input.id, input, now);
    return getOrder(db, input.id)!;
  });
}
