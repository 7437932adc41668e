import { z } from 'zod';
import { Payment } from './catalogue';
import { TEXT_LIMITS } from './textLimits';

export const orderStates = ['new', 'confirmed', 'shipping', 'delivered', 'cancelled'] as const;
export const OrderState = z.enum(orderStates);
export type OrderState = z.infer<typeof OrderState>;

/** new → confirmed → shipping → delivered; any open order can be cancelled. */
export function nextOrderStates(state: OrderState): OrderState[] {
  switch (state) {
    case 'new':
      return ['confirmed', 'cancelled'];
    case 'confirmed':
      return ['shipping', 'cancelled'];
    case 'shipping':
      return ['delivered', 'cancelled'];
    default:
      return [];
  }
}

/** Money is integer VND. */
export const Vnd = z.number().int().min(0).max(1_000_000_000_000);

export const OrderItemDraft = z.object({
  productId: z.string().uuid().nullable().default(null),
  productName: z.string().trim().min(1, { message: 'product_required' }).max(TEXT_LIMITS.name),
  quantity: z.number().int().min(1, { message: 'quantity_invalid' }).max(100_000),
  unitPrice: Vnd,
});
export type OrderItemDraft = z.infer<typeof OrderItemDraft>;

export const OrderDraft = z.object({
  items: z.array(OrderItemDraft).max(100),
  deliveryAddress: z.string().trim().max(TEXT_LIMITS.address).default(''),
  /** For a convert-with-order; closing statuses of `contact` leads decide it themselves. */
  payment: Payment.default('pending'),
  note: z.string().trim().max(TEXT_LIMITS.orderNote).default(''),
});
export type OrderDraft = z.infer<typeof OrderDraft>;

export function orderTotal(
  items: readonly Pick<OrderItemDraft, 'quantity' | 'unitPrice'>[],
): number {
  return items.reduce((sum, i) => sum + i.quantity * i.unitPrice, 0);
}

export const Product = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  unitPrice: Vnd,
  active: z.boolean(),
});
export type Product = z.infer<typeof Product>;

export const OrderItem = z.object({
  id: z.string(),
  productId: z.string().nullable(),
  productName: z.string(),
  quantity: z.number().int(),
  unitPrice: Vnd,
  lineTotal: Vnd,
});
export type OrderItem = z.infer<typeof OrderItem>;

export const Order = z.object({
  id: z.string().uuid(),
  leadId: z.string(),
  leadName: z.string(),
  leadPhone: z.string().nullable(),
  items: z.array(OrderItem),
  total: Vnd,
  payment: Payment,
  state: OrderState,
  deliveryAddress: z.string(),
  note: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Order = z.infer<typeof Order>;
