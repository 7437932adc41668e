import { useMemo, useState } from 'react';
import { PinSetupDialog } from '../access/PinSetupDialog';
import { PhoneLayer } from '../phone/PhoneLayer';
import { usePhoneController } from '../phone/phoneContext';
import { ReminderBanners } from '../reminders/ReminderBanners';
import { DiskFullBanner } from '../storage/DiskFullBanner';
import { AgentSetupDialog } from '../sync/AgentSetupDialog';
import { queueShortcuts } from './queueShortcuts';
import { QueueWorkspace } from './QueueWorkspace';
import { useStores } from './stores';
import { TopBar } from './TopBar';
import { useCoreEvents } from './useCoreEvents';
import { useDocument } from './useDocument';
import { useReminderActions } from './useReminderActions';
import { useShortcuts } from './useShortcuts';
import { ViewScreen, type View } from './views';

/** The app's layout: first-start dialogs, the top bar, banners over every screen, the screen. */
export function App() {
  const { queue, drawer } = useStores();
  const phone = usePhoneController();
  const [view, setView] = useState<View>('queue');
  // The queue's forms and search stay as they were while the agent visits another screen.
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  // The search box, once on screen (state, not a ref: the keyboard map is built from it).
  const [searchBox, setSearchBox] = useState<HTMLInputElement | null>(null);
  useCoreEvents();
  useDocument();
  const reminderActions = useReminderActions();

  const shortcuts = useMemo(
    () =>
      queueShortcuts({
        queue,
        drawer,
        phone,
        add: () => setAdding(true),
        import: () => setImporting(true),
        search: () => searchBox?.focus(),
      }),
    [queue, drawer, phone, searchBox],
  );
  useShortcuts(view === 'queue' && !adding && !importing ? shortcuts : {});

  return (
    <div className="app">
      <PinSetupDialog />
      <AgentSetupDialog />
      <TopBar
        view={view}
        onView={setView}
        onAdd={() => setAdding(true)}
        onImport={() => setImporting(true)}
        query={query}
        onQuery={setQuery}
        searchRef={setSearchBox}
      />
      <DiskFullBanner />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <PhoneLayer onOpenLead={drawer.getState().openFromCall} />
      <ReminderBanners actions={reminderActions} />
      <ViewScreen
        view={view}
        queue={
          <QueueWorkspace
            adding={adding}
            onAdding={setAdding}
            importing={importing}
            onImporting={setImporting}
            query={query}
            onNotice={setNotice}
          />
        }
      />
    </div>
  );
}
