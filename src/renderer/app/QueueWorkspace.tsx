import { useTranslation } from 'react-i18next';
import { ImportDialog } from '../intake/ImportDialog';
import { InterruptedImports } from '../intake/InterruptedImports';
import { AddLeadForm } from '../leads/AddLeadForm';
import { QueuePanel } from '../leads/QueuePanel';
import { SearchResults } from '../leads/SearchResults';
import { usePhoneController } from '../phone/phoneContext';
import { useNow } from '../ui/useNow';
import { Drawer } from './Drawer';
import { useSettings, useStores } from './stores';

/** How often the queue's ages and overdue marks are worked out again. */
const CLOCK_TICK_MS = 30_000;

interface Props {
  adding: boolean;
  onAdding(open: boolean): void;
  importing: boolean;
  onImporting(open: boolean): void;
  /** The search box's text; two characters or more search every folder. */
  query: string;
  onNotice(text: string): void;
}

/** The agent's screen: the queue (and what is being added, imported or searched), the drawer. */
export function QueueWorkspace({
  adding,
  onAdding,
  importing,
  onImporting,
  query,
  onNotice,
}: Props) {
  const { t } = useTranslation();
  const { client, queue, imports, drawer } = useStores();
  const phone = usePhoneController();
  const settings = useSettings((s) => s.settings);
  const now = useNow(CLOCK_TICK_MS);
  const open = (id: string) => drawer.getState().open(id);
  return (
    <div className="workspace">
      <div className="queue">
        {adding && (
          <AddLeadForm
            client={client}
            onCancel={() => onAdding(false)}
            onOpenExisting={(id) => {
              onAdding(false);
              open(id);
            }}
            onSaved={(lead) => {
              onAdding(false);
              onNotice(t('addLead.saved', { name: lead.name }));
              void queue.getState().setStage('new');
            }}
          />
        )}
        <InterruptedImports
          client={client}
          onResume={(run) => {
            onImporting(true);
            void imports.getState().resume(run);
          }}
        />
        {importing && (
          <ImportDialog
            store={imports}
            language={settings.language}
            onClose={() => onImporting(false)}
          />
        )}
        {query.trim().length >= 2 && (
          <SearchResults
            client={client}
            query={query.trim()}
            now={now}
            onOpen={open}
            onCall={(lead) => void phone.callLead(lead)}
          />
        )}
        <QueuePanel
          now={now}
          onAdd={() => onAdding(true)}
          onOpen={open}
          onCall={(lead) => void phone.callLead(lead)}
        />
      </div>
      <Drawer now={now} onNotice={onNotice} />
    </div>
  );
}
