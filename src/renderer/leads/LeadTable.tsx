import { Phone } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../shared/domain';
import { formatPhone } from '../../shared/phone';
import { formatDateTime } from '../../shared/time';
import { leadAge, nextActionView } from './queueView';
import { useCatalogue, useSettings } from '../app/stores';
import { DataTable } from '../ui/DataTable';
import { StatusBadge } from './StatusBadge';
import { Button } from '../ui/Button';

/** The columns, by their i18n key under `column.`. */
const COLUMNS = ['name', 'phone', 'source', 'customerStatus', 'nextAction', 'receivedAt'];

interface Props {
  leads: Lead[];
  now: number;
  selectedId: string | null;
  onSelect(id: string): void;
  onOpen(id: string): void;
  /** Click-to-call from the row (the softphone); no button when absent. */
  onCall?(lead: Lead): void;
}

export function LeadTable({ leads, now, selectedId, onSelect, onOpen, onCall }: Props) {
  const { t } = useTranslation();
  const timeZone = useSettings((s) => s.settings.timeZone);
  const statuses = useCatalogue((s) => s.statuses);
  const selectedRow = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    // A block body: Chromium's scrollIntoView may return a promise, which React would take for a cleanup.
    void selectedRow.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);
  return (
    <DataTable
      className="leads queue-table"
      rows={leads}
      headers={COLUMNS.map((k) => t(`column.${k}`))}
      row={(lead) => {
        const next = nextActionView(lead, now, timeZone);
        const selected = lead.id === selectedId;
        const age =
          lead.stage === 'new' && lead.nextAction === 'call_now'
            ? leadAge(lead.receivedAt, now)
            : null;
        return (
          <tr
            key={lead.id}
            ref={selected ? selectedRow : undefined}
            data-lead-id={lead.id}
            aria-selected={selected}
            className={selected ? 'row row--selected' : 'row'}
            onClick={() => onSelect(lead.id)}
            onDoubleClick={() => onOpen(lead.id)}
          >
            <td title={lead.name}>
              <Button className="link" onClick={() => onOpen(lead.id)}>
                {lead.name}
              </Button>
              {lead.doNotCall && <span className="flag">{t('detail.doNotCallBadge')}</span>}
              {lead.dncList && !lead.doNotCall && (
                <span className="flag" title={t(`compliance.badgeTitle.${lead.dncList}`)}>
                  {t(`compliance.badge.${lead.dncList}`)}
                </span>
              )}
              {lead.phoneWrong && <span className="flag">{t('detail.phoneWrongBadge')}</span>}
            </td>
            <td className="mono">
              {formatPhone(lead.phone, lead.phoneAsGiven)}
              {onCall && lead.phone && (
                <Button
                  className="call call--compact"
                  icon={Phone}
                  aria-label={t('phone.callLead', { name: lead.name })}
                  title={`${t('phone.callLead', { name: lead.name })} — ${t('phone.callShortcut')}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    onCall(lead);
                  }}
                />
              )}
            </td>
            <td title={lead.source}>{lead.source}</td>
            <td>
              <StatusBadge statuses={statuses} code={lead.customerStatus} />
            </td>
            <td className={next.overdue ? 'next next--overdue' : 'next'}>
              {t(`nextAction.${next.key}`, { time: next.time })}
              {age && (
                <span className={`age age--${age.tone}`}>
                  {' '}
                  · {t(`age.${age.key}`, { count: age.count })}
                </span>
              )}
            </td>
            <td>{formatDateTime(lead.receivedAt, timeZone)}</td>
          </tr>
        );
      }}
    />
  );
}
