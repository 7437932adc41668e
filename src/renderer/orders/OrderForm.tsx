import { useTranslation } from 'react-i18next';
import type { Payment } from '../../shared/catalogue';
import { formatVnd } from '../../shared/money';
import { orderTotal, type OrderDraft, type Product } from '../../shared/orders';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { Button } from '../ui/Button';
import { CharCounter } from '../ui/CharCounter';
import { DataTable } from '../ui/DataTable';
import { Field } from '../ui/Field';

interface Props {
  value: OrderDraft;
  products: readonly Product[];
  /** Closing statuses fix the payment themselves; a convert-with-order lets the agent choose. */
  paymentFixed: Payment | null;
  errors: Record<string, string>;
  onChange(value: OrderDraft): void;
}

export const emptyItem = () => ({ productId: null, productName: '', quantity: 1, unitPrice: 0 });

/** "Tạo đơn hàng": products or packages, quantity, price, delivery address. Money is integer VND. */
export function OrderForm({ value, products, paymentFixed, errors, onChange }: Props) {
  const { t } = useTranslation();
  const active = products.filter((p) => p.active);
  const setItem = (i: number, patch: Partial<OrderDraft['items'][number]>) =>
    onChange({ ...value, items: value.items.map((it, j) => (j === i ? { ...it, ...patch } : it)) });
  const itemsError = errors['order.items'];
  return (
    <fieldset className="order-form">
      <legend>{t('order.title')}</legend>
      <DataTable
        className=""
        rows={value.items}
        headers={[
          ...['product', 'quantity', 'unitPrice', 'lineTotal'].map((k) => t(`order.${k}`)),
          '',
        ]}
        row={(item, i) => (
          <tr key={i}>
            <td>
              <select
                aria-label={`${t('order.product')} ${i + 1}`}
                value={item.productId ?? ''}
                onChange={(e) => {
                  const p = active.find((x) => x.id === e.target.value);
                  setItem(
                    i,
                    p
                      ? { productId: p.id, productName: p.name, unitPrice: p.unitPrice }
                      : { productId: null },
                  );
                }}
              >
                <option value="">{t('order.productPick')}</option>
                {active.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.code} — {p.name}
                  </option>
                ))}
              </select>
              <input
                aria-label={`${t('order.product')} ${i + 1} (${t('admin.name')})`}
                maxLength={TEXT_LIMITS.name}
                value={item.productName}
                onChange={(e) => setItem(i, { productName: e.target.value })}
              />
            </td>
            <td>
              <input
                type="number"
                min={1}
                aria-label={`${t('order.quantity')} ${i + 1}`}
                value={item.quantity}
                onChange={(e) =>
                  setItem(i, { quantity: Math.max(0, Math.floor(Number(e.target.value))) })
                }
              />
            </td>
            <td>
              <input
                type="number"
                min={0}
                step={1000}
                aria-label={`${t('order.unitPrice')} ${i + 1}`}
                value={item.unitPrice}
                onChange={(e) =>
                  setItem(i, { unitPrice: Math.max(0, Math.floor(Number(e.target.value))) })
                }
              />
            </td>
            <td className="mono">{formatVnd(item.quantity * item.unitPrice)}</td>
            <td>
              <button
                type="button"
                onClick={() => onChange({ ...value, items: value.items.filter((_, j) => j !== i) })}
              >
                {t('order.removeItem')}
              </button>
            </td>
          </tr>
        )}
      />
      <Button onClick={() => onChange({ ...value, items: [...value.items, emptyItem()] })}>
        {t('order.addItem')}
      </Button>
      {itemsError && (
        <p className="field__error" role="alert">
          {t(itemsError)}
        </p>
      )}
      <p className="total">
        {t('order.total')}:{' '}
        <strong data-testid="order-total">{formatVnd(orderTotal(value.items))}</strong>
      </p>
      <Field
        label={t('order.deliveryAddress')}
        error={errors['order.deliveryAddress'] && t(errors['order.deliveryAddress'])}
      >
        <input
          maxLength={TEXT_LIMITS.address}
          value={value.deliveryAddress}
          onChange={(e) => onChange({ ...value, deliveryAddress: e.target.value })}
        />
      </Field>
      <Field label={t('order.payment')}>
        <select
          value={paymentFixed ?? value.payment}
          disabled={paymentFixed !== null}
          onChange={(e) => onChange({ ...value, payment: e.target.value as Payment })}
        >
          <option value="pending">{t('payment.pending')}</option>
          <option value="paid">{t('payment.paid')}</option>
        </select>
      </Field>
      <Field label={t('order.note')} error={errors['order.note'] && t(errors['order.note'])}>
        <input
          maxLength={TEXT_LIMITS.orderNote}
          value={value.note}
          onChange={(e) => onChange({ ...value, note: e.target.value })}
        />
        <CharCounter value={value.note} max={TEXT_LIMITS.orderNote} />
      </Field>
    </fieldset>
  );
}
