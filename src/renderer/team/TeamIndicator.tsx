import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShortDateTime } from '../../shared/time';
import { useSettings, useStores, useTeam } from '../app/stores';
import { Button } from '../ui/Button';
import { ErrorText } from '../ui/ErrorText';
import { useAction } from '../ui/useAction';
import { indicatorText, refusalText, teamErrorText } from './teamText';

/**
 * The team server's link in the top bar, in a few words (nothing when there is no server), and
 * the changes the team did not take: a badge, and a small panel that says why, lead by lead.
 */
export function TeamIndicator({ onOpenLead }: { onOpenLead(id: string): void }) {
  const { t } = useTranslation();
  const status = useTeam((s) => s.status);
  const [open, setOpen] = useState(false);
  const text = indicatorText(t, status);
  if (!status || text === null) return null;
  const unread = status.refusals.length;
  return (
    <div className="team-indicator">
      <span
        role="status"
        className={`team-indicator__state team-indicator__state--${status.state}`}
        aria-label={t('team.indicator.label', { text })}
        title={t('team.indicator.label', { text })}
      >
        {text}
      </span>
      {unread > 0 && (
        <Button
          className="team-indicator__badge"
          aria-expanded={open}
          aria-controls="team-refusals"
          onClick={() => setOpen(!open)}
        >
          {t('team.refusals.badge', { count: unread })}
        </Button>
      )}
      {open && unread > 0 && (
        <RefusalsPanel
          onClose={() => setOpen(false)}
          onOpenLead={(id) => {
            setOpen(false);
            onOpenLead(id);
          }}
        />
      )}
    </div>
  );
}

function RefusalsPanel({ onClose, onOpenLead }: { onClose(): void; onOpenLead(id: string): void }) {
  const { t } = useTranslation();
  const { team } = useStores();
  const refusals = useTeam((s) => s.status?.refusals ?? []);
  const timeZone = useSettings((s) => s.settings.timeZone);
  const action = useAction<'ack'>();
  const names = useLeadNames(refusals.map((r) => r.leadId));
  return (
    <section
      id="team-refusals"
      className="team-refusals"
      aria-labelledby="team-refusals-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h2 id="team-refusals-title">{t('team.refusals.title')}</h2>
      <ul>
        {refusals.map((r) => {
          const name = r.leadId ? names[r.leadId] : undefined;
          return (
            <li key={`${r.table}:${r.id}:${r.at}`}>
              <span className="team-refusals__time">{formatShortDateTime(r.at, timeZone)}</span>{' '}
              {r.leadId === null ? (
                t('team.refusals.other')
              ) : name ? (
                <button
                  type="button"
                  className="link"
                  aria-label={t('team.refusals.openLead', { name })}
                  onClick={() => onOpenLead(r.leadId!)}
                >
                  {name}
                </button>
              ) : (
                t('team.refusals.unknownLead')
              )}
              {': '}
              {refusalText(t, r.reason)}
            </li>
          );
        })}
      </ul>
      <ErrorText>{action.error && teamErrorText(t, action.error)}</ErrorText>
      <div className="actions">
        <Button
          variant="primary"
          disabled={action.busy !== null}
          onClick={() =>
            void action.run('ack', async () => {
              await team.getState().ackRefusals();
              onClose();
            })
          }
        >
          {t('team.refusals.markRead')}
        </Button>
        <Button onClick={onClose}>{t('team.refusals.close')}</Button>
      </div>
    </section>
  );
}

/** The names of the leads still on this install, read once per set of ids. */
function useLeadNames(ids: (string | null)[]): Record<string, string> {
  const { client } = useStores();
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(ids.filter((id): id is string => id !== null))].sort().join(',');
  useEffect(() => {
    let live = true;
    const wanted = key === '' ? [] : key.split(',');
    void Promise.all(
      wanted.map((id) =>
        client
          .call('leads.get', { id })
          .then((lead) => [id, lead.name] as const)
          .catch(() => null),
      ),
    ).then((found) => {
      if (live) setNames(Object.fromEntries(found.filter((f) => f !== null)));
    });
    return () => {
      live = false;
    };
  }, [client, key]);
  return names;
}
