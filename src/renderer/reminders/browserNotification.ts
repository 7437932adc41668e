import { formatPhone } from '../../shared/phone';
import type { ReminderView } from '../../shared/reminders';

/**
 * In the browser host only: Electron's main shows the OS notification itself, so showing one
 * here too would double it.
 */
export function showBrowserNotification(r: ReminderView): void {
  if (window.leadphone || !('Notification' in window) || Notification.permission !== 'granted')
    return;
  new Notification(r.leadName, { body: formatPhone(r.phone, r.phoneAsGiven), tag: r.id });
}
