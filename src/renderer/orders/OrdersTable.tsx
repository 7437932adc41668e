import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnd } from '../../shared/money';
import { nextOrderStates } from '../../shared/orders';
import { formatPhone } from '../../shared/phone';
import { formatDateTime } from '../../shared/time';
import { useSettings, useStores } from '../app/stores';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { useLoad } from '../ui/useAction';

/** The columns, by their i18n key under `orders.`. */
const COLUMNS = ['customer', 'items', 'total', 'payment', 'state', 'createdAt'];

/** The Đơn hàng tab: orders with their states, moved along by the agent. */
export function OrdersTable({ onOpenLead }: { onOpenLead(id: string): void }) {
  const { t } = useTranslation();
  const { client } = useStores();
  const timeZone = useSettings((s) => s.settings.timeZone);
  const page = useLoad(
    useCallback(() => client.call('orders.list', {}), [client]),
    null,
  );
  const { reload, setValue } = page;
  useEffect(() => client.on('leads.changed', () => void reload()), [client, reload]);

  const orders = page.value?.items ?? [];
  const cursor = page.value?.nextCursor ?? null;
  if (page.value && orders.length === 0) return <p className="empty">{t('orders.empty')}</p>;
  return (
    <>
      <DataTable
        className="leads orders"
        rows={orders}
        headers={COLUMNS.map((k) => t(`orders.${k}`))}
        row={(o) => (
          <tr key={o.id} data-order-id={o.id}>
            <td>
              <Button className="link" onClick={() => onOpenLead(o.leadId)}>
                {o.leadName}
              </Button>
              <div className="mono">{formatPhone(o.leadPhone, '')}</div>
            </td>
            <td>
              {o.items.map((i) => (
                <div key={i.id}>
                  {i.quantity} × {i.productName} ({formatVnd(i.unitPrice)})
                </div>
              ))}
            </td>
            <td className="mono">{formatVnd(o.total)}</td>
            <td>
              {t(`payment.${o.payment}`)}{' '}
              {o.payment === 'pending' && o.state !== 'cancelled' && (
                <Button
                  onClick={() =>
                    void client.call('orders.update', { id: o.id, payment: 'paid' }).then(reload)
                  }
                >
                  {t('orders.markPaid')}
                </Button>
              )}
            </td>
            <td>
              {t(`orderState.${o.state}`)}{' '}
              {nextOrderStates(o.state).map((s) => (
                <Button
                  key={s}
                  onClick={() =>
                    void client.call('orders.update', { id: o.id, state: s }).then(reload)
                  }
                >
                  → {t(`orderState.${s}`)}
                </Button>
              ))}
            </td>
            <td>{formatDateTime(o.createdAt, timeZone)}</td>
          </tr>
        )}
      />
      {cursor && (
        <Button
          className="load-more"
          onClick={() =>
            void client.call('orders.list', { cursor }).then((p) =>
              setValue((v) => ({
                items: [...(v?.items ?? []), ...p.items],
                nextCursor: p.nextCursor,
              })),
            )
          }
        >
          {t('queue.loadMore')}
        </Button>
      )}
    </>
  );
}
