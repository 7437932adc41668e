import { useTranslation } from 'react-i18next';
import type { Lead } from '../../shared/domain';
import { formatPhone } from '../../shared/phone';
import { formatDateTime } from '../../shared/time';
import { nextActionView } from '../queueView';

interface Props {
  leads: Lead[];
  now: number;
  timeZone: string;
}

export function LeadTable({ leads, now, timeZone }: Props) {
  const { t } = useTranslation();
  return (
    <table className="leads">
      <thead>
        <tr>
          <th>{t('column.name')}</th>
          <th>{t('column.phone')}</th>
          <th>{t('column.source')}</th>
          <th>{t('column.customerStatus')}</th>
          <th>{t('column.nextAction')}</th>
          <th>{t('column.receivedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {leads.map((lead) => {
          const next = nextActionView(lead, now, timeZone);
          return (
            <tr key={lead.id} data-lead-id={lead.id}>
              <td>{lead.name}</td>
              <td className="mono">{formatPhone(lead.phone, lead.phoneAsGiven)}</td>
              <td>{lead.source}</td>
              <td>{lead.customerStatus ?? ''}</td>
              <td className={next.overdue ? 'next next--overdue' : 'next'}>
                {t(`nextAction.${next.key}`, { time: next.time })}
              </td>
              <td>{formatDateTime(lead.receivedAt, timeZone)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
