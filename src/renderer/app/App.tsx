import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stages } from '../../shared/domain';
import { AddLeadForm } from '../leads/AddLeadForm';
import { ImportDialog } from '../intake/ImportDialog';
import { InterruptedImports } from '../intake/InterruptedImports';
import { SearchResults } from '../leads/SearchResults';
import { createImportStore } from '../intake/importStore';
import { EmptyQueue } from '../leads/EmptyQueue';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { LeadDetail } from '../leads/LeadDetail';
import { LeadTable } from '../leads/LeadTable';
import { OrdersTable } from '../orders/OrdersTable';
import { PhoneLayer } from '../phone/PhoneLayer';
import { PhoneStatus } from '../phone/PhoneStatus';
import { usePhoneController, usePhoneStore } from '../phone/phoneContext';
import { canDial } from '../phone/phoneStore';
import { QueueFilters } from '../leads/QueueFilters';
import { QueueTabs } from '../leads/QueueTabs';
import { AdminScreen } from './AdminScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { LockButton } from '../access/LockButton';
import { RoleGate } from '../access/RoleGate';
import { PinSetupDialog } from '../access/PinSetupDialog';
import { AgentSetupDialog } from '../sync/AgentSetupDialog';
import { useCatalogue, useQueue, useReminders, useSettings, useStores } from './stores';
import { windowTitle } from '../reminders/remindersStore';
import { ReminderBanners } from '../reminders/ReminderBanners';
import type { ReminderActions } from '../reminders/ReminderCard';
import { TodayCallbacks } from '../reminders/TodayCallbacks';
import { showBrowserNotification } from '../reminders/browserNotification';
import { useShortcuts } from './useShortcuts';
import { DiskFullBanner } from '../storage/DiskFullBanner';
import { TEXT_LIMITS } from '../../shared/textLimits';

const CLOCK_TICK_MS = 30_000;

export function App() {
  const { t, i18n } = useTranslation();
  const { client, queue, settings: settingsStore, catalogue, reminders } = useStores();
  const overdue = useReminders((s) => s.overdue);
  const todayCount = useReminders((s) => s.todayCount);
  const [showToday, setShowToday] = useState(false);
  const { stage, items, counts, status, error, nextCursor, filter, selectedId } = useQueue(
    (s) => s,
  );
  const settings = useSettings((s) => s.settings);
  const statuses = useCatalogue((s) => s.statuses);
  const [view, setView] = useState<'queue' | 'admin' | 'reports'>('queue');
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const importStore = useMemo(() => createImportStore(client), [client]);
  const [query, setQuery] = useState('');
  const searching = query.trim().length >= 2;
  const searchBox = useRef<HTMLInputElement>(null);
  // callId: the softphone's call the disposition panel records (set at hang-up).
  const [openLead, setOpenLead] = useState<{
    id: string;
    recording: boolean;
    callId?: string | null;
  } | null>(null);
  const phone = usePhoneController();
  const phoneStore = usePhoneStore();
  const openFromPhone = useCallback(
    (id: string, callId: string | null) => setOpenLead({ id, recording: callId !== null, callId }),
    [],
  );
  const openLeadRef = useRef(openLead);
  openLeadRef.current = openLead;
  const [notice, setNotice] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    void settingsStore.getState().load();
    void catalogue.getState().load();
    void queue.getState().reload();
    void reminders.getState().loadMissed();
    void reminders.getState().loadActive();
    void reminders.getState().refresh();
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    const offs = [
      client.on('leads.changed', () => {
        void queue.getState().reload();
        void reminders.getState().refresh();
      }),
      client.on('reminder.due', (r) => {
        reminders.getState().onDue(r);
        showBrowserNotification(r);
      }),
      client.on('connection.restored', () => {
        void queue.getState().reload();
        void reminders.getState().loadMissed();
        void reminders.getState().loadActive();
        void reminders.getState().refresh();
      }),
      client.on('reminder.open', ({ leadId }) => {
        reminders.getState().openedLead(leadId);
        setOpenLead({ id: leadId, recording: false });
      }),
      client.on('settings.changed', (s) => settingsStore.setState({ settings: s })),
      client.on('catalogue.changed', () => void catalogue.getState().load()),
    ];
    return () => {
      clearInterval(timer);
      offs.forEach((off) => off());
    };
  }, [client, queue, settingsStore, catalogue, reminders]);

  useEffect(() => {
    document.title = windowTitle(
      t('app.title'),
      overdue > 0 ? t('reminders.overdue', { count: overdue }) : null,
    );
  }, [t, overdue]);

  const reminderActions: ReminderActions = useMemo(
    () => ({
      call: (r) => {
        reminders.getState().dismiss(r.id);
        setOpenLead({ id: r.leadId, recording: false });
        // Dials at once when the phone can; without a registered phone the lead is open to
        // call from a desk phone.
        if (canDial(phoneStore.getState())) {
          void phone.callLead({
            id: r.leadId,
            name: r.leadName,
            phone: r.phone,
            phoneAsGiven: r.phoneAsGiven,
          });
        }
      },
      snooze: (r, minutes) => void reminders.getState().snooze(r.id, minutes),
      open: (r) => {
        reminders.getState().dismiss(r.id);
        setOpenLead({ id: r.leadId, recording: false });
      },
    }),
    [reminders, phone, phoneStore],
  );

  useEffect(() => {
    if (i18n.language !== settings.language) void i18n.changeLanguage(settings.language);
    document.documentElement.lang = settings.language;
  }, [i18n, settings.language]);

  // Master–detail: an open drawer follows the row the agent moves to (unless mid-disposition).
  useEffect(() => {
    setOpenLead((open) =>
      open && !open.recording && selectedId && open.id !== selectedId
        ? { id: selectedId, recording: false }
        : open,
    );
  }, [selectedId]);

  const shortcuts = useMemo(() => {
    const q = () => queue.getState();
    const selected = () => q().selectedId;
    return {
      n: () => setAdding(true),
      i: () => setImporting(true),
      '/': () => searchBox.current?.focus(),
      ArrowDown: () => q().moveSelection(1),
      ArrowUp: () => q().moveSelection(-1),
      Enter: () => {
        const id = selected();
        if (id) setOpenLead({ id, recording: false });
      },
      d: () => {
        // The queue's selected row first (the drawer follows it); in Đơn hàng, the open lead.
        const id = (q().stage !== 'order' ? selected() : null) ?? openLeadRef.current?.id;
        if (id) setOpenLead({ id, recording: true });
      },
      Escape: () => setOpenLead(null),
      // Click-to-call by keyboard: the selected lead's own number.
      c: () => {
        const lead = q().items.find((l) => l.id === selected());
        if (lead) void phone.callLead(lead);
      },
      ...Object.fromEntries(stages.map((s, i) => [`Alt+${i + 1}`, () => void q().setStage(s)])),
    };
  }, [queue, phone]);
  useShortcuts(view === 'queue' && !adding && !importing ? shortcuts : {});

  return (
    <div className="app">
      <PinSetupDialog />
      <AgentSetupDialog />
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        <div className="topbar__actions">
          {view === 'queue' && (
            <button
              className="primary"
              onClick={() => setAdding(true)}
              title={t('shortcuts.addLead')}
            >
              + {t('addLead.open')}
            </button>
          )}
          {view === 'queue' && (
            <button
              className={overdue > 0 ? 'overdue-button' : undefined}
              onClick={() => setShowToday(!showToday)}
            >
              {t('reminders.button', { count: todayCount })}
            </button>
          )}
          {view === 'queue' && (
            <button onClick={() => setImporting(true)} title={t('shortcuts.import')}>
              {t('import.open')}
            </button>
          )}
          {view === 'queue' && (
            <input
              ref={searchBox}
              type="search"
              className="search-box"
              aria-label={t('search.label')}
              placeholder={t('search.placeholder')}
              maxLength={TEXT_LIMITS.search}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  setQuery('');
                  e.currentTarget.blur();
                }
              }}
            />
          )}
          {view !== 'reports' && (
            <button onClick={() => setView('reports')}>{t('reports.open')}</button>
          )}
          <PhoneStatus />
          <LockButton />
          <button onClick={() => setView(view === 'queue' ? 'admin' : 'queue')}>
            {view === 'queue' ? t('admin.open') : t('admin.back')}
          </button>
          <LanguageSwitch
            value={settings.language}
            onChange={(l) => void settingsStore.getState().setLanguage(l)}
          />
        </div>
      </header>
      <DiskFullBanner />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <PhoneLayer onOpenLead={openFromPhone} />
      <ReminderBanners actions={reminderActions} />
      {view === 'reports' ? (
        <RoleGate need="supervisor">
          <ReportsScreen />
        </RoleGate>
      ) : view === 'admin' ? (
        <AdminScreen />
      ) : (
        <div className="workspace">
          <div className="queue">
            {adding && (
              <AddLeadForm
                client={client}
                onCancel={() => setAdding(false)}
                onOpenExisting={(id) => {
                  setAdding(false);
                  setOpenLead({ id, recording: false });
                }}
                onSaved={(lead) => {
                  setAdding(false);
                  setNotice(t('addLead.saved', { name: lead.name }));
                  void queue.getState().setStage('new');
                }}
              />
            )}
            <InterruptedImports
              client={client}
              onResume={(run) => {
                setImporting(true);
                void importStore.getState().resume(run);
              }}
            />
            {importing && (
              <ImportDialog
                store={importStore}
                language={settings.language}
                onClose={() => setImporting(false)}
              />
            )}
            {searching && (
              <SearchResults
                client={client}
                query={query.trim()}
                now={now}
                timeZone={settings.timeZone}
                statuses={statuses}
                onOpen={(id) => setOpenLead({ id, recording: false })}
                onCall={(lead) => void phone.callLead(lead)}
              />
            )}
            <QueueTabs
              stage={stage}
              counts={counts}
              onSelect={(s) => void queue.getState().setStage(s)}
            />
            <div id="queue-panel" role="tabpanel" aria-labelledby={`tab-${stage}`}>
              {stage === 'order' ? (
                <OrdersTable onOpenLead={(id) => setOpenLead({ id, recording: false })} />
              ) : (
                <>
                  <QueueFilters
                    filter={filter}
                    statuses={statuses}
                    onChange={(f) => void queue.getState().setFilter(f)}
                  />
                  {status === 'error' && error && (
                    <p className="form__error" role="alert">
                      {t('queue.loadError', { message: t(`errors.code.${error.code}`) })}{' '}
                      <button onClick={() => void queue.getState().reload()}>
                        {t('queue.retry')}
                      </button>
                    </p>
                  )}
                  {status === 'ready' && items.length === 0 ? (
                    <EmptyQueue stage={stage} onAdd={() => setAdding(true)} />
                  ) : (
                    <LeadTable
                      leads={items}
                      now={now}
                      timeZone={settings.timeZone}
                      statuses={statuses}
                      selectedId={selectedId}
                      onSelect={(id) => queue.getState().select(id)}
                      onOpen={(id) => setOpenLead({ id, recording: false })}
                      onCall={(lead) => void phone.callLead(lead)}
                    />
                  )}
                  {nextCursor && (
                    <button className="load-more" onClick={() => void queue.getState().loadMore()}>
                      {t('queue.loadMore')}
                    </button>
                  )}
                </>
              )}
            </div>
          </div>
          {!openLead && showToday && (
            <TodayCallbacks now={now} onOpen={(id) => setOpenLead({ id, recording: false })} />
          )}
          {openLead && (
            <LeadDetail
              key={openLead.id}
              leadId={openLead.id}
              recording={openLead.recording}
              callId={openLead.callId ?? null}
              onRecording={(recording) => setOpenLead({ ...openLead, recording })}
              onClose={() => setOpenLead(null)}
              onSaved={(lead) => {
                setNotice(t('disposition.saved', { name: lead.name }));
                phoneStore.getState().dispositionSaved(lead.id, Date.now());
              }}
            />
          )}
        </div>
      )}
    </div>
  );
}
