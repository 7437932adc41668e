import { useEffect } from 'react';
import { showBrowserNotification } from '../reminders/browserNotification';
import { useStores } from './stores';

/**
 * Fills the stores at start, then keeps them in step with what main announces: leads changed,
 * a reminder due or opened from its notification, settings and the catalogue changed, the team
 * server's link, and the connection back after a loss (the browser host), when everything is read
 * again.
 */
export function useCoreEvents(): void {
  const { client, queue, settings, catalogue, reminders, drawer, team } = useStores();
  useEffect(() => {
    const readAll = () => {
      void settings.getState().load();
      void catalogue.getState().load();
      void queue.getState().reload();
      void reminders.getState().loadMissed();
      void reminders.getState().loadActive();
      void reminders.getState().refresh();
      void team
        .getState()
        .load()
        .catch(() => undefined);
    };
    readAll();
    const offs = [
      client.on('leads.changed', () => {
        void queue.getState().reload();
        void reminders.getState().refresh();
      }),
      client.on('reminder.due', (r) => {
        reminders.getState().onDue(r);
        showBrowserNotification(r);
      }),
      // Anything may have changed while the connection was down.
      client.on('connection.restored', readAll),
      client.on('reminder.open', ({ leadId }) => {
        reminders.getState().openedLead(leadId);
        drawer.getState().open(leadId);
      }),
      client.on('settings.changed', (s) => settings.setState({ settings: s })),
      client.on('catalogue.changed', () => void catalogue.getState().load()),
      client.on('team.status', (s) => team.getState().apply(s)),
    ];
    return () => offs.forEach((off) => off());
  }, [client, queue, settings, catalogue, reminders, drawer, team]);
}
