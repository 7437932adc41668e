import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stages } from '../shared/domain';
import { AddLeadForm } from './components/AddLeadForm';
import { EmptyQueue } from './components/EmptyQueue';
import { LanguageSwitch } from './components/LanguageSwitch';
import { LeadTable } from './components/LeadTable';
import { QueueTabs } from './components/QueueTabs';
import { useQueue, useSettings, useStores } from './store/context';
import { useShortcuts } from './useShortcuts';

const CLOCK_TICK_MS = 30_000;

export function App() {
  const { t, i18n } = useTranslation();
  const { client, queue, settings: settingsStore } = useStores();
  const { stage, items, counts, status, error, nextCursor } = useQueue((s) => s);
  const settings = useSettings((s) => s.settings);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    void settingsStore.getState().load();
    void queue.getState().reload();
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    const offLeads = client.on('leads.changed', () => void queue.getState().reload());
    const offSettings = client.on('settings.changed', (s) =>
      settingsStore.setState({ settings: s }),
    );
    return () => {
      clearInterval(timer);
      offLeads();
      offSettings();
    };
  }, [client, queue, settingsStore]);

  useEffect(() => {
    if (i18n.language !== settings.language) void i18n.changeLanguage(settings.language);
    document.documentElement.lang = settings.language;
  }, [i18n, settings.language]);

  const shortcuts = useMemo(
    () => ({
      n: () => setAdding(true),
      ...Object.fromEntries(
        stages.map((s, i) => [`Alt+${i + 1}`, () => void queue.getState().setStage(s)]),
      ),
    }),
    [queue],
  );
  useShortcuts(shortcuts);

  return (
    <div className="app">
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        <div className="topbar__actions">
          <button
            className="primary"
            onClick={() => setAdding(true)}
            title={t('shortcuts.addLead')}
          >
            + {t('addLead.open')}
          </button>
          <LanguageSwitch
            value={settings.language}
            onChange={(l) => void settingsStore.getState().setLanguage(l)}
          />
        </div>
      </header>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {adding && (
        <AddLeadForm
          client={client}
          onCancel={() => setAdding(false)}
          onSaved={(lead) => {
            setAdding(false);
            setNotice(t('addLead.saved', { name: lead.name }));
            void queue.getState().setStage('new');
          }}
        />
      )}
      <QueueTabs
        stage={stage}
        counts={counts}
        onSelect={(s) => void queue.getState().setStage(s)}
      />
      <main id="queue-panel" role="tabpanel" aria-labelledby={`tab-${stage}`}>
        {status === 'error' && error && (
          <p className="form__error" role="alert">
            {t('queue.loadError', { message: t(`errors.code.${error.code}`) })}{' '}
            <button onClick={() => void queue.getState().reload()}>{t('queue.retry')}</button>
          </p>
        )}
        {status === 'ready' && items.length === 0 ? (
          <EmptyQueue stage={stage} onAdd={() => setAdding(true)} />
        ) : (
          <LeadTable leads={items} now={now} timeZone={settings.timeZone} />
        )}
        {nextCursor && (
          <button className="load-more" onClick={() => void queue.getState().loadMore()}>
            {t('queue.loadMore')}
          </button>
        )}
      </main>
    </div>
  );
}
