import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnd, nextOrderStates, type Order } from '../../shared/orders';
import { formatPhone } from '../../shared/phone';
import { formatDateTime } from '../../shared/time';
import { useSettings, useStores } from '../app/stores';

/** The Đơn hàng tab: orders with their states, moved along by the agent. */
export function OrdersTable({ onOpenLead }: { onOpenLead(id: string): void }) {
  const { t } = useTranslation();
  const { client } = useStores();
  const timeZone = useSettings((s) => s.settings.timeZone);
  const [orders, setOrders] = useState<Order[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);

  const load = useCallback(async () => {
    const page = await client.call('orders.list', {});
    setOrders(page.items);
    setCursor(page.nextCursor);
    setLoaded(true);
  }, [client]);

  useEffect(() => {
    void load();
    return client.on('leads.changed', () => void load());
  }, [client, load]);

  if (loaded && orders.length === 0) return <p className="empty">{t('orders.empty')}</p>;
  return (
    <>
      <table className="leads orders">
        <thead>
          <tr>
            <th>{t('orders.customer')}</th>
            <th>{t('orders.items')}</th>
            <th>{t('orders.total')}</th>
            <th>{t('orders.payment')}</th>
            <th>{t('orders.state')}</th>
            <th>{t('orders.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id} data-order-id={o.id}>
              <td>
                <button type="button" className="link" onClick={() => onOpenLead(o.leadId)}>
                  {o.leadName}
                </button>
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
                  <button
                    type="button"
                    onClick={() =>
                      void client.call('orders.update', { id: o.id, payment: 'paid' }).then(load)
                    }
                  >
                    {t('orders.markPaid')}
                  </button>
                )}
              </td>
              <td>
                {t(`orderState.${o.state}`)}{' '}
                {nextOrderStates(o.state).map((s) => (
                  <button
                    type="button"
                    key={s}
                    onClick={() =>
                      void client.call('orders.update', { id: o.id, state: s }).then(load)
                    }
                  >
                    → {t(`orderState.${s}`)}
                  </button>
                ))}
              </td>
              <td>{formatDateTime(o.createdAt, timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cursor && (
        <button
          className="load-more"
          onClick={() =>
            void client.call('orders.list', { cursor }).then((p) => {
              setOrders([...orders, ...p.items]);
              setCursor(p.nextCursor);
            })
          }
        >
          {t('queue.loadMore')}
        </button>
      )}
    </>
  );
}
