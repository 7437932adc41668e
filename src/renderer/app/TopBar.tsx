import {
  ArrowLeft,
  CalendarClock,
  ChartColumn,
  FileUp,
  Plus,
  Search,
  Settings,
  Users,
} from 'lucide-react';
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

/**
 * The bar over every screen: the queue's actions and search, the phone, the lock, the way out.
 * It keeps to one line down to 1280 px: the places (import, reports, team, admin) are icons
 * whose words are their names and tooltips, the phone's state is a compact line.
 */
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
      <div className="topbar__work">
        {view === 'queue' && (
          <>
            <Button variant="primary" icon={Plus} onClick={onAdd} title={t('shortcuts.addLead')}>
              {t('addLead.open')}
            </Button>
            <Button
              icon={CalendarClock}
              className={overdue > 0 ? 'overdue-button' : undefined}
              onClick={() => drawer.getState().toggleToday()}
            >
              {t('reminders.button', { count: todayCount })}
            </Button>
            <Button
              icon={FileUp}
              label={t('import.open')}
              title={`${t('import.open')} — ${t('shortcuts.import')}`}
              onClick={onImport}
            />
            <label className="search-box">
              <Search className="icon" aria-hidden="true" focusable="false" />
              <input
                ref={searchRef}
                type="search"
                aria-label={t('search.label')}
                title={t('shortcuts.search')}
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
            </label>
          </>
        )}
        {view !== 'queue' && (
          <Button icon={ArrowLeft} onClick={() => onView('queue')}>
            {t('admin.back')}
          </Button>
        )}
      </div>
      <div className="topbar__status">
        <TeamIndicator
          onOpenLead={(id) => {
            onView('queue');
            drawer.getState().open(id);
          }}
        />
        <PhoneStatus />
      </div>
      <nav className="topbar__places" aria-label={t('app.places')}>
        <LockButton />
        {view !== 'reports' && (
          <Button icon={ChartColumn} label={t('reports.open')} onClick={() => onView('reports')} />
        )}
        {teamLead && view !== 'team' && (
          <Button
            className="team-open"
            icon={Users}
            label={t('team.screen.open')}
            onClick={() => onView('team')}
          />
        )}
        {view !== 'admin' && (
          <Button icon={Settings} label={t('admin.open')} onClick={() => onView('admin')} />
        )}
        <LanguageSwitch
          value={language}
          onChange={(l) => void settings.getState().setLanguage(l)}
        />
      </nav>
    </header>
  );
}
