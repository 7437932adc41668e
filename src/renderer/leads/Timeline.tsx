import { useTranslation } from 'react-i18next';
import type { StatusEntry } from '../../shared/catalogue';
import type { Language } from '../../shared/domain';
import { formatVnd } from '../../shared/money';
import { formatDateTime, formatShortDateTime } from '../../shared/time';
import type { TimelineItem } from '../../shared/timeline';
import { statusLabel } from '../workflow/catalogueStore';

interface Props {
  items: TimelineItem[];
  statuses: readonly StatusEntry[];
  timeZone: string;
}

/** A lead's history: calls, outcomes, notes, status changes and orders, newest first. */
export function Timeline({ items, statuses, timeZone }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const label = (code: string | null) => statusLabel(statuses, code, lang) || '—';
  const text = (item: TimelineItem): string => {
    switch (item.kind) {
      case 'created':
        return t('timeline.created', { source: item.source || '—' });
      case 'call': {
        const kind = item.via === 'manual' ? 'call_manual' : `call_${item.direction}`;
        const parts = [t(`timeline.${kind}`)];
        if (item.talkSeconds) parts.push(t('timeline.talk', { seconds: item.talkSeconds }));
        if (item.endCause) {
          parts.push(t(`phone.endCause.${item.endCause}`, { defaultValue: item.endCause }));
        }
        const q = item.quality;
        if (q) {
          const dash = (v: number | string | null) => (v === null ? '—' : String(v));
          parts.push(
            t('phone.quality', {
              rtt: dash(q.rttMs),
              jitter: dash(q.jitterMs),
              loss: dash(q.packetLossPct),
              codec: dash(q.codec),
            }),
          );
        }
        return parts.join(' · ');
      }
      case 'disposition': {
        const callback = item.callbackAt
          ? ` · ${t('timeline.callbackAt', { time: formatShortDateTime(item.callbackAt, timeZone) })}`
          : '';
        return `${t('timeline.disposition', { label: label(item.statusCode) })}${callback}${item.note ? ` — ${item.note}` : ''}`;
      }
      case 'note':
        return `${t('timeline.note')}: ${item.text}`;
      case 'status_change':
        return `${t('timeline.status_change', { from: label(item.from), to: label(item.to) })}${
          item.by === 'agent' ? ` ${t('timeline.status_change_agent')}` : ''
        }`;
      case 'order':
        return t('timeline.order', {
          total: formatVnd(item.total),
          state: t(`orderState.${item.state}`),
          payment: t(`payment.${item.payment}`),
        });
    }
  };
  return (
    <ol className="timeline" aria-label={t('detail.timeline')}>
      {items.map((item) => (
        <li
          key={`${item.kind}-${item.id}`}
          className={`timeline__item timeline__item--${item.kind}`}
        >
          <time>{formatDateTime(item.at, timeZone)}</time> <span>{text(item)}</span>
        </li>
      ))}
    </ol>
  );
}
