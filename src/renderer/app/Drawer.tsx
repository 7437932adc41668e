import { useTranslation } from 'react-i18next';
import type { Lead } from '../../shared/domain';
import { LeadDetail } from '../leads/LeadDetail';
import { usePhoneStore } from '../phone/phoneContext';
import { TodayCallbacks } from '../reminders/TodayCallbacks';
import { useDrawer, useStores } from './stores';

/** Beside the queue: the open lead, else today's callbacks when asked for. */
export function Drawer({ now, onNotice }: { now: number; onNotice(text: string): void }) {
  const { t } = useTranslation();
  const { drawer } = useStores();
  const phoneStore = usePhoneStore();
  const lead = useDrawer((s) => s.lead);
  const today = useDrawer((s) => s.today);
  if (!lead) {
    return today ? <TodayCallbacks now={now} onOpen={(id) => drawer.getState().open(id)} /> : null;
  }
  return (
    <LeadDetail
      key={lead.id}
      leadId={lead.id}
      recording={lead.recording}
      callId={lead.callId}
      onRecording={(recording) => drawer.getState().setRecording(recording)}
      onClose={() => drawer.getState().close()}
      onSaved={(saved: Lead) => {
        onNotice(t('disposition.saved', { name: saved.name }));
        phoneStore.getState().dispositionSaved(saved.id, Date.now());
      }}
    />
  );
}
