import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_LIMITS } from '../../shared/textLimits';
import { LockButton } from '../access/LockButton';
import { PhoneStatus } from '../phone/PhoneStatus';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { TeamIndicator } from '../team/TeamIndicator';
import { Button } from '../ui/Button';
import { useReminders, useSettings, useStores, useTeam } from './stores';
import type { View } from './views';

interface Props {
  view: View;
  onView(view: View): void;
  onAdd(): void;
  onImport(): void;
  query: string;
  onQuery(query: string): void;
  searchRef: Ref<HTMLInputElement>;
}

/** The bar over every screen: the queue's actions and search, the phone, the lock, the way out. */
export function TopBar({ view, onView, onAdd, onImport, query, onQuery, searchRef }: Props) {
  const { t } = useTranslation();
  const { settings, drawer } = useStores();
  const language = useSettings((s) => s.settings.language);
  const overdue = useReminders((s) => s.overdue);
  const todayCount = useReminders((s) => s.todayCount);
  // The team's screen is a supervisor's: an agent of a team does not get a door to a PIN prompt.
  const teamLead = useTeam((s) => s.status?.linked === true && s.status.role !== 'agent');
  return (
    <header className="topbar">
      <h1>{t('app.title')}</h1>
      <div className="topbar__actions">
        {view === 'queue' && (
          <>
            <Button variant="primary" onClick={onAdd} title={t('shortcuts.addLead')}>
              + {t('addLead.open')}
            </Button>
            <Button
              className={overdue > 0 ? 'overdue-button' : undefined}
              onClick={() => drawer.getState().toggleToday()}
            >
              {t('reminders.button', { count: todayCount })}
            </Button>
            <Button onClick={onImport} title={t('shortcuts.import')}>
              {t('import.open')}
            </Button>
            <input
              ref={searchRef}
              type="search"
              className="search-box"
              aria-label={t('search.label')}
              placeholder={t('search.placeholder')}
              maxLength={TEXT_LIMITS.search}
              value={query}
              onChange={(e) => onQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  onQuery('');
                  e.currentTarget.blur();
                }
              }}
            />
          </>
        )}
        {view !== 'reports' && (
          <Button onClick={() => onView('reports')}>{t('reports.open')}</Button>
        )}
        {teamLead && view !== 'team' && (
          <Button className="team-open" onClick={() => onView('team')}>
            {t('team.screen.open')}
          </Button>
        )}
        <TeamIndicator
          onOpenLead={(id) => {
            onView('queue');
            drawer.getState().open(id);
          }}
        />
        <PhoneStatus />
        <LockButton />
        <Button onClick={() => onView(view === 'queue' ? 'admin' : 'queue')}>
          {view === 'queue' ? t('admin.open') : t('admin.back')}
        </Button>
        <LanguageSwitch
          value={language}
          onChange={(l) => void settings.getState().setLanguage(l)}
        />
      </div>
    </header>
  );
}
