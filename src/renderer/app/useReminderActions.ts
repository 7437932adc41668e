import { useMemo } from 'react';
import { usePhoneController, usePhoneStore } from '../phone/phoneContext';
import { canDial } from '../phone/phoneStore';
import type { ReminderActions } from '../reminders/ReminderCard';
import { useStores } from './stores';

/** What a due callback's buttons do: call the lead now, snooze it, or open it. */
export function useReminderActions(): ReminderActions {
  const { reminders, drawer } = useStores();
  const phone = usePhoneController();
  const phoneStore = usePhoneStore();
  return useMemo(
    () => ({
      call: (r) => {
        reminders.getState().dismiss(r.id);
        drawer.getState().open(r.leadId);
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
        drawer.getState().open(r.leadId);
      },
    }),
    [reminders, drawer, phone, phoneStore],
  );
}
