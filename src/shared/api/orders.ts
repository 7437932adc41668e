import { z } from 'zod';
import { Payment } from '../catalogue';
import { Order, OrderState, Product, Vnd } from '../orders';
import { TEXT_LIMITS } from '../textLimits';
import type { Area } from './contract';
import { Id, IdempotencyKey, text } from './fields';

export const ProductSaveInput = z
  .object({
    id: Id.nullable().default(null),
    code: text(TEXT_LIMITS.productCode).min(1, { message: 'code_required' }),
    name: text(TEXT_LIMITS.name).min(1, { message: 'name_required' }),
    unitPrice: Vnd,
    active: z.boolean().default(true),
    idempotencyKey: IdempotencyKey.optional(),
  })
  .strict();

export const OrderPage = z.object({ items: z.array(Order), nextCursor: z.string().nullable() });

/** Orders taken on calls, and the product catalogue they are made of. */
export const ordersArea = {
  methods: {
    'orders.list': {
      input: z
        .object({
          limit: z.number().int().min(1).max(200).default(50),
          cursor: z.string().max(80).nullable().default(null),
        })
        .strict(),
      output: OrderPage,
      role: 'agent',
      mask: 'text',
    },
    'orders.update': {
      input: z
        .object({ id: Id, state: OrderState.optional(), payment: Payment.optional() })
        .strict(),
      output: Order,
      role: 'agent',
      mask: 'text',
    },
    'products.list': {
      input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
      output: z.array(Product),
      role: 'agent',
      mask: 'phones',
    },
    'products.save': { input: ProductSaveInput, output: Product, role: 'admin', mask: 'phones' },
  },
  events: {},
} as const satisfies Area;
