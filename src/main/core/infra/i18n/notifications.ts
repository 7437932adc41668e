import type { Language } from '../../../../shared/domain';
import { formatPhone } from '../../../../shared/phone';
import type { ReminderView } from '../../../../shared/reminders';

// The OS notification is written in main, so its few strings live here (vi first, en too).
const text = {
  vi: { title: (n: string) => `Gọi lại: ${n}`, missed: (k: number) => `${k} cuộc gọi lại bị lỡ` },
  en: { title: (n: string) => `Call back: ${n}`, missed: (k: number) => `${k} missed callbacks` },
} as const;

export interface Notification {
  title: string;
  body: string;
  leadId: string;
}

export function reminderNotification(r: ReminderView, language: Language): Notification {
  const phone = formatPhone(r.phone, r.phoneAsGiven);
  return {
    title: text[language].title(r.leadName),
    body: [phone, r.note].filter(Boolean).join(' — '),
    leadId: r.leadId,
  };
}

export function missedNotification(reminders: ReminderView[], language: Language): Notification {
  return {
    title: text[language].missed(reminders.length),
    body: reminders.map((r) => r.leadName).join(', '),
    leadId: reminders[0]!.leadId,
  };
}
