import { useTranslation } from 'react-i18next';
import type { Lead } from '../../shared/domain';
import { useCatalogue, useQueue, useStores } from '../app/stores';
import { OrdersTable } from '../orders/OrdersTable';
import { Button } from '../ui/Button';
import { ErrorText } from '../ui/ErrorText';
import { EmptyQueue } from './EmptyQueue';
import { LeadTable } from './LeadTable';
import { QueueFilters } from './QueueFilters';
import { QueueTabs } from './QueueTabs';

interface Props {
  now: number;
  onAdd(): void;
  onOpen(id: string): void;
  onCall(lead: Lead): void;
}

/** The lead queue: its stage tabs, and the open tab's leads (or, for Đơn hàng, the orders). */
export function QueuePanel({ now, onAdd, onOpen, onCall }: Props) {
  const { t } = useTranslation();
  const { queue } = useStores();
  const { stage, items, counts, status, error, nextCursor, filter, selectedId } = useQueue(
    (s) => s,
  );
  const statuses = useCatalogue((s) => s.statuses);
  return (
    <>
      <QueueTabs
        stage={stage}
        counts={counts}
        onSelect={(s) => void queue.getState().setStage(s)}
      />
      <div id="queue-panel" role="tabpanel" aria-labelledby={`tab-${stage}`}>
        {stage === 'order' ? (
          <OrdersTable onOpenLead={onOpen} />
        ) : (
          <>
            <QueueFilters
              filter={filter}
              statuses={statuses}
              onChange={(f) => void queue.getState().setFilter(f)}
            />
            <ErrorText>
              {status === 'error' && error && (
                <>
                  {t('queue.loadError', { message: t(`errors.code.${error.code}`) })}{' '}
                  <Button onClick={() => void queue.getState().reload()}>{t('queue.retry')}</Button>
                </>
              )}
            </ErrorText>
            {status === 'ready' && items.length === 0 ? (
              <EmptyQueue stage={stage} onAdd={onAdd} />
            ) : (
              <LeadTable
                leads={items}
                now={now}
                selectedId={selectedId}
                onSelect={(id) => queue.getState().select(id)}
                onOpen={onOpen}
                onCall={onCall}
              />
            )}
            {nextCursor && (
              <Button className="load-more" onClick={() => void queue.getState().loadMore()}>
                {t('queue.loadMore')}
              </Button>
            )}
          </>
        )}
      </div>
    </>
  );
}
